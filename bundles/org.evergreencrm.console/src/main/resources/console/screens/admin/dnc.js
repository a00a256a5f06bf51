import { ref, onMounted, onBeforeUnmount } from 'vue';
import { get, del, upload as send } from '../../api.js';
import { when } from '../../util.js';

export default {
  name: 'AdminDnc',
  setup() {
    const imports = ref([]);
    const lists = ref([]);
    const list = ref('INTERNAL');
    const file = ref(null);
    const error = ref('');
    const busy = ref(false);
    let timer = null;
    async function load() {
      [imports.value, lists.value] = await Promise.all([get('/compliance/dnc-imports'), get('/compliance/lists').catch(() => [])]);
      clearTimeout(timer);
      if (imports.value.some((i) => i.state === 'RUNNING')) timer = setTimeout(load, 1000); // progress while one runs
    }
    async function upload() {
      if (!file.value) return;
      busy.value = true;
      error.value = '';
      try {
        await send('/compliance/dnc-imports?list=' + encodeURIComponent(list.value) + '&name=' + encodeURIComponent(file.value.name), file.value, 'text/csv');
        await load();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    async function cancel(i) {
      await del('/compliance/dnc-imports/' + i.id).catch((e) => { error.value = e.message; });
      await load();
    }
    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));
    return { imports, lists, list, file, error, busy, upload, cancel, when };
  },
  template: `
  <div class="admin-grid">
    <form class="card" @submit.prevent="upload" aria-labelledby="dnc-title"><h2 id="dnc-title">Import a do-not-call list</h2>
      <p class="error" role="alert" v-if="error">{{ error }}</p>
      <label for="dnc-list">List</label><input id="dnc-list" v-model="list" list="dnc-lists"><datalist id="dnc-lists"><option v-for="l in lists" :key="l.name || l" :value="l.name || l"></option></datalist>
      <label for="dnc-file">File (one number per line, or the registry's CSV)</label><input id="dnc-file" type="file" accept=".csv,.txt,text/csv,text/plain" @change="file = $event.target.files[0]">
      <button type="submit" class="primary" :disabled="busy || !file">{{ busy ? 'Uploading…' : 'Import' }}</button></form>
    <section class="card"><h2>Imports</h2>
      <table class="list"><thead><tr><th scope="col">#</th><th scope="col">List</th><th scope="col">State</th><th scope="col">Progress</th><th scope="col">Started</th><th scope="col"></th></tr></thead>
        <tbody><tr v-for="i in imports" :key="i.id"><td>{{ i.id }}</td><td>{{ i.list }}</td><td>{{ i.state }}</td>
          <td><progress v-if="i.state === 'RUNNING'" :aria-label="'Import ' + i.id"></progress> {{ i.read }} read, {{ i.added }} added, {{ i.rejected }} rejected
            <details v-if="i.errors && i.errors.length"><summary>{{ i.errors.length }} errors</summary><ul><li v-for="e in i.errors" :key="e">{{ e }}</li></ul></details></td>
          <td>{{ when(i.startedAt) }} by {{ i.startedBy }}</td><td><button v-if="i.state === 'RUNNING'" @click="cancel(i)">Cancel</button></td></tr></tbody></table></section>
  </div>`,
};
