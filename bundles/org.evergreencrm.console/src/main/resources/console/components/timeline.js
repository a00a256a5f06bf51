// A contact's timeline: activities, notes (with @mentions) and tasks, newest first, paged with the server's cursor.
import { ref, onMounted, onBeforeUnmount, watch } from 'vue';
import { get, post } from '../api.js';
import { ago, when, localInputToIso, label } from '../util.js';
import { onLive } from '../live.js';
import { session } from '../store.js';

export default {
  name: 'ContactTimeline',
  props: { contactId: { type: Number, required: true } },
  setup(props) {
    const items = ref([]);
    const next = ref(null);
    const loading = ref(false);
    const error = ref('');
    const noteText = ref('');
    const noteError = ref('');
    const savingNote = ref(false);
    const task = ref({ title: '', dueAt: '', assignee: session.user?.username || '' });
    const taskErrors = ref({});
    const savingTask = ref(false);

    async function load(more = false) {
      loading.value = true;
      error.value = '';
      try {
        const page = await get('/timeline/' + props.contactId + '?limit=30' + (more && next.value ? '&cursor=' + encodeURIComponent(next.value) : ''));
        items.value = more ? items.value.concat(page.items) : page.items;
        next.value = page.next;
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    async function addNote() {
      savingNote.value = true;
      noteError.value = '';
      try {
        await post('/timeline/' + props.contactId + '/notes', { text: noteText.value });
        noteText.value = '';
        await load();
      } catch (e) {
        noteError.value = e.fields?.text || e.message;
      } finally {
        savingNote.value = false;
      }
    }

    async function addTask() {
      savingTask.value = true;
      taskErrors.value = {};
      try {
        await post('/timeline/' + props.contactId + '/tasks', { title: task.value.title, dueAt: localInputToIso(task.value.dueAt), assignee: task.value.assignee || null });
        task.value = { title: '', dueAt: '', assignee: session.user?.username || '' };
        await load();
      } catch (e) {
        taskErrors.value = Object.keys(e.fields || {}).length ? e.fields : { form: e.message };
      } finally {
        savingTask.value = false;
      }
    }

    const stop = onLive((m) => {
      if (m.type === 'gap' || (m.type === 'event' && m.topic === 'timeline.CHANGED' && (m.contactIds || []).includes(props.contactId))) load();
    });
    onMounted(load);
    onBeforeUnmount(stop);
    watch(() => props.contactId, () => load());
    return { items, next, loading, error, noteText, noteError, savingNote, task, taskErrors, savingTask, load, addNote, addTask, ago, when, label };
  },
  template: `
  <section class="card" aria-labelledby="timeline-title">
    <h2 id="timeline-title">Timeline</h2>
    <form class="inline-form" @submit.prevent="addNote" aria-label="Add a note">
      <label for="note-text">Note</label>
      <textarea id="note-text" v-model="noteText" rows="2" placeholder="Write a note; @name mentions a colleague" :aria-invalid="!!noteError"></textarea>
      <p class="field-error" v-if="noteError" role="alert">{{ noteError }}</p>
      <button type="submit" :disabled="savingNote || !noteText.trim()">{{ savingNote ? 'Saving…' : 'Add note' }}</button>
    </form>
    <form class="inline-form task-form" @submit.prevent="addTask" aria-label="Add a task">
      <div><label for="task-title">Task</label><input id="task-title" v-model="task.title" placeholder="Call back about the quote" :aria-invalid="!!taskErrors.title">
        <p class="field-error" v-if="taskErrors.title">{{ taskErrors.title }}</p></div>
      <div><label for="task-due">Due</label><input id="task-due" type="datetime-local" v-model="task.dueAt" :aria-invalid="!!taskErrors.dueAt">
        <p class="field-error" v-if="taskErrors.dueAt">{{ taskErrors.dueAt }}</p></div>
      <div><label for="task-assignee">For</label><input id="task-assignee" v-model="task.assignee" :aria-invalid="!!taskErrors.assignee">
        <p class="field-error" v-if="taskErrors.assignee">{{ taskErrors.assignee }}</p></div>
      <button type="submit" :disabled="savingTask">{{ savingTask ? 'Saving…' : 'Add task' }}</button>
      <p class="field-error" v-if="taskErrors.form" role="alert">{{ taskErrors.form }}</p>
    </form>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <ol class="timeline" aria-live="polite">
      <li v-for="a in items" :key="a.id" :class="'kind-' + a.kind.toLowerCase()">
        <span class="tl-kind">{{ label(a.kind) }}</span>
        <span class="tl-summary">{{ a.summary }}</span>
        <time class="muted small" :datetime="a.at" :title="when(a.at)">{{ ago(a.at) }}</time>
      </li>
    </ol>
    <p v-if="!loading && !items.length" class="muted">Nothing has happened yet.</p>
    <p v-if="loading" class="muted" role="status">Loading…</p>
    <button v-if="next && !loading" @click="load(true)">Older entries</button>
  </section>`,
};
