// Admin: the batch duplicate search (start, progress, cancel, its result and the CSV of pairs) and the re-keying of
// stored contacts to the current blocking keys. Managers see the same through REST; the tab is the admin's.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { get, post, del, ApiError } from '../../api.js';
import { when } from '../../util.js';

export default {
  name: 'AdminDuplicates',
  setup() {
    const job = ref(null);
    const keys = ref(null);
    const error = ref('');
    let timer = null;
    async function load() {
      clearTimeout(timer);
      try {
        [job.value, keys.value] = await Promise.all([
          get('/duplicates/jobs/current').catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
          get('/duplicates/keys')]);
      } catch (e) {
        error.value = e.message;
      }
      if (job.value?.state === 'RUNNING' || keys.value?.state === 'RUNNING') timer = setTimeout(load, 1000); // progress
    }
    async function start() {
      error.value = '';
      await post('/duplicates/jobs').catch((e) => { error.value = e.message; });
      await load();
    }
    async function cancel() {
      await del('/duplicates/jobs/current').catch((e) => { error.value = e.message; });
      await load();
    }
    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));
    return { job, keys, error, start, cancel, when };
  },
  template: `
  <div class="admin-grid">
    <section class="card" aria-labelledby="dedup-title"><h2 id="dedup-title">Batch duplicate search</h2>
      <p class="error" role="alert" v-if="error">{{ error }}</p>
      <p data-test="dedup-job" aria-live="polite">
        <template v-if="job"><strong>{{ job.state }}</strong><span v-if="job.phase"> · {{ job.phase }} {{ job.done }} / {{ job.total }}</span>
          <progress v-if="job.state === 'RUNNING'" :max="job.total || 1" :value="job.done" aria-label="Search progress"></progress>
          <br>{{ job.pairs }} pairs, {{ job.clusters }} clusters, {{ job.queued }} sent to review<span v-if="job.message"> · {{ job.message }}</span>
          <br><small>started {{ when(job.startedAt) }}<span v-if="job.finishedAt">, finished {{ when(job.finishedAt) }}</span></small></template>
        <template v-else>No search has run yet.</template></p>
      <button class="primary" data-test="dedup-start" @click="start" :disabled="job && job.state === 'RUNNING'">Search all contacts</button>
      <button v-if="job && job.state === 'RUNNING'" @click="cancel">Cancel</button>
      <a v-if="job && job.state === 'DONE'" href="/api/v1/duplicates/pairs.csv" download="pairs.csv">Pairs at the review threshold (CSV)</a></section>
    <section class="card" aria-labelledby="keys-title"><h2 id="keys-title">Stored match keys</h2>
      <p data-test="dedup-keys" v-if="keys">Version {{ keys.keyVersion }}: <strong>{{ keys.state }}</strong>, {{ keys.seen }} of {{ keys.contacts }} contacts
        visited, {{ keys.rekeyed }} re-keyed<span v-if="keys.finishedAt"> · finished {{ when(keys.finishedAt) }}</span>
        <progress v-if="keys.state === 'RUNNING'" :max="keys.contacts || 1" :value="keys.seen" aria-label="Re-keying progress"></progress></p>
      <p><small>The online duplicate check finds stored contacts by these keys; when a new version changes them, the
        contacts saved before are re-keyed in the background.</small></p></section>
  </div>`,
};
