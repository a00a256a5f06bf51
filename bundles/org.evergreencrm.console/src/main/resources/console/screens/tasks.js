// My tasks: overdue, due today, later; mark done (rolled back when the server refuses).
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { get, post } from '../api.js';
import { when, ago } from '../util.js';
import { onLive } from '../live.js';

export default {
  name: 'TasksScreen',
  setup() {
    const tasks = ref([]);
    const loading = ref(false);
    const error = ref('');
    const endOfToday = () => { const d = new Date(); d.setHours(23, 59, 59, 999); return d; };
    const overdue = computed(() => tasks.value.filter((t) => new Date(t.dueAt) < new Date()));
    const today = computed(() => tasks.value.filter((t) => new Date(t.dueAt) >= new Date() && new Date(t.dueAt) <= endOfToday()));
    const later = computed(() => tasks.value.filter((t) => new Date(t.dueAt) > endOfToday()));

    async function load() {
      loading.value = true;
      error.value = '';
      try {
        tasks.value = await get('/tasks?limit=200');
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    async function done(t) {
      const before = tasks.value;
      tasks.value = tasks.value.filter((x) => x.id !== t.id); // optimistic
      try {
        await post('/tasks/' + t.id + '/done');
      } catch (e) {
        tasks.value = before; // rolled back: the task is still open
        error.value = 'Could not mark “' + t.title + '” done: ' + e.message;
      }
    }

    const stop = onLive((m) => { if (m.type === 'gap' || (m.type === 'event' && (m.topic === 'timeline.CHANGED' || m.topic === 'timeline.TASK_DUE'))) load(); });
    onMounted(load);
    onBeforeUnmount(stop);
    return { tasks, loading, error, overdue, today, later, done, when, ago };
  },
  template: `
  <section aria-labelledby="tasks-title">
    <header class="screen-head"><h1 id="tasks-title">My tasks</h1></header>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <p v-if="loading" class="muted" role="status">Loading…</p>
    <template v-for="group in [['Overdue', overdue, 'bad'], ['Due today', today, 'warn'], ['Later', later, '']]" :key="group[0]">
      <section class="card" v-if="group[1].length" :aria-label="group[0]">
        <h2>{{ group[0] }} <span class="badge" :class="group[2]">{{ group[1].length }}</span></h2>
        <ul class="plain tasks">
          <li v-for="t in group[1]" :key="t.id">
            <button @click="done(t)" :aria-label="'Mark done: ' + t.title">Done</button>
            <strong>{{ t.title }}</strong> — due {{ when(t.dueAt) }} ({{ ago(t.dueAt) }})
            <router-link :to="'/contacts/' + t.contactId">contact #{{ t.contactId }}</router-link>
          </li>
        </ul>
      </section>
    </template>
    <p v-if="!loading && !tasks.length" class="muted">No open tasks. Add one from a contact's timeline.</p>
  </section>`,
};
