// Admin: enrichment — the providers installed and their state, and the re-enrichment job (every contact with an
// address standardized again, e.g. after a ZIP import, then enriched) with its progress while it runs.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { get, post } from '../../api.js';
import { when } from '../../util.js';

export default {
  name: 'AdminEnrichment',
  setup() {
    const providers = ref([]);
    const jobs = ref([]);
    const error = ref('');
    const busy = ref(false);
    let timer = null;
    const running = () => jobs.value.some((j) => j.state === 'QUEUED' || j.state === 'RUNNING');
    async function load() {
      try {
        [providers.value, jobs.value] = await Promise.all([get('/enrichment/providers'), get('/enrichment/jobs')]);
        error.value = '';
      } catch (e) {
        error.value = e.status === 503 ? 'Enrichment is not installed.' : e.message;
      }
      clearTimeout(timer);
      if (running()) timer = setTimeout(load, 1000);
    }
    async function start() {
      busy.value = true;
      error.value = '';
      try {
        await post('/enrichment/jobs');
        await load();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));
    return { providers, jobs, error, busy, start, running, when };
  },
  template: `
  <div class="admin-grid">
    <section class="card" aria-labelledby="enrich-title"><h2 id="enrich-title">Enrichment</h2>
      <p class="error" role="alert" v-if="error">{{ error }}</p>
      <ul class="plain" data-test="enrichment-providers"><li v-for="p in providers" :key="p">{{ p }}</li></ul>
      <p class="muted small">Property data needs a vendor key (etc/org.evergreencrm.enrichment.attom.cfg); branches come from the routing settings.</p>
      <button type="button" class="primary" id="enrich-all" @click="start" :disabled="busy || running()">{{ running() ? 'Running…' : 'Standardize and enrich all contacts again' }}</button></section>
    <section class="card"><h2>Jobs</h2>
      <table class="list"><thead><tr><th scope="col">#</th><th scope="col">State</th><th scope="col">Progress</th><th scope="col">Started</th></tr></thead>
        <tbody><tr v-for="j in jobs" :key="j.id" :data-job="j.id"><td>{{ j.id }}</td><td>{{ j.state }}</td>
          <td><progress :max="j.total || 1" :value="j.done + j.failed" :aria-label="'job ' + j.id"></progress>
            {{ j.done + j.failed }} / {{ j.total }}<span v-if="j.failed" class="error"> ({{ j.failed }} failed)</span>
            <div class="muted small">{{ j.message }}</div></td>
          <td>{{ j.startedBy }}, {{ when(j.startedAt) }}</td></tr></tbody></table>
      <p v-if="!jobs.length" class="muted">No job yet.</p></section>
  </div>`,
};
