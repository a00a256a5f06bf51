// Admin: the ZIP directory (the one offline geocoder): what it knows, GeoNames uploads with the rows refused and why.
import { ref, onMounted } from 'vue';
import { get, upload as send } from '../../api.js';
import { when } from '../../util.js';

export default {
  name: 'AdminZips',
  setup() {
    const status = ref(null);
    const imports = ref([]);
    const file = ref(null);
    const error = ref('');
    const busy = ref(false);
    async function load() {
      try {
        [status.value, imports.value] = await Promise.all([get('/addresses/zip-status'), get('/addresses/zip-imports')]);
      } catch (e) {
        error.value = e.status === 503 ? 'Address standardization is not installed.' : e.message;
      }
    }
    async function upload() {
      if (!file.value) return;
      busy.value = true;
      error.value = '';
      try {
        await send('/addresses/zip-imports?name=' + encodeURIComponent(file.value.name), file.value, 'application/octet-stream');
        await load();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    onMounted(load);
    return { status, imports, file, error, busy, upload, when };
  },
  template: `
  <div class="admin-grid">
    <form class="card" @submit.prevent="upload" aria-labelledby="zip-title"><h2 id="zip-title">ZIP data</h2>
      <p class="error" role="alert" v-if="error">{{ error }}</p>
      <p v-if="status" data-test="zip-status" :class="status.stateLevelOnly ? 'warn' : ''">{{ status.message }}<span v-if="status.source"> — from {{ status.source }}, {{ when(status.importedAt) }}</span></p>
      <label for="zip-file">GeoNames US postal file (US.txt, or .txt.gz)</label><input id="zip-file" type="file" accept=".txt,.gz,text/plain" @change="file = $event.target.files[0]">
      <button type="submit" class="primary" :disabled="busy || !file">{{ busy ? 'Importing…' : 'Import' }}</button>
      <p class="muted small" v-if="busy" role="status"><progress aria-label="ZIP import"></progress> importing; about 41,000 ZIPs take a few seconds</p></form>
    <section class="card"><h2>Imports</h2>
      <table class="list"><thead><tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">State</th><th scope="col">Rows</th><th scope="col">When</th></tr></thead>
        <tbody><tr v-for="i in imports" :key="i.id"><td>{{ i.id }}</td><td>{{ i.source }}</td><td>{{ i.state }}</td>
          <td>{{ i.rowsRead }} read, {{ i.zipsStored }} ZIPs stored, {{ i.rowsRefused }} refused
            <details v-if="i.refusals.length"><summary>why refused</summary><ul><li v-for="r in i.refusals" :key="r">{{ r }}</li></ul></details>
            <span v-if="i.state === 'FAILED'" class="error"> {{ i.message }}</span></td>
          <td>{{ when(i.startedAt) }}</td></tr></tbody></table></section>
  </div>`,
};
