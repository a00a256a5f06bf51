import { ref, onMounted } from 'vue';
import { get } from '../../api.js';
import { ago } from '../../util.js';

export default {
  name: 'AdminSources',
  setup() {
    const sources = ref([]);
    const feeds = ref([]);
    const imports = ref([]);
    const error = ref('');
    async function load() {
      try {
        [sources.value, feeds.value, imports.value] = await Promise.all([get('/leads/sources'), get('/leads/feeds'), get('/leads/imports')]);
      } catch (e) {
        error.value = e.message;
      }
    }
    onMounted(load);
    return { sources, feeds, imports, error, ago, load };
  },
  template: `
  <div class="admin-grid">
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <section class="card"><h2>Lead sources and their health</h2><button @click="load">Refresh</button>
      <table class="list"><thead><tr><th scope="col">Source</th><th scope="col">Leads</th><th scope="col">Open dead letters</th><th scope="col">Spam</th><th scope="col">Last lead</th><th scope="col">Last failure</th></tr></thead>
        <tbody><tr v-for="s in sources" :key="s.source"><td>{{ s.source }}</td><td>{{ s.leads }}</td>
          <td><span :class="s.openDeadLetters ? 'badge bad' : ''">{{ s.openDeadLetters }}</span></td><td>{{ s.spam }}</td><td>{{ ago(s.lastReceived) }}</td><td>{{ ago(s.lastFailure) }}</td></tr></tbody></table></section>
    <section class="card"><h2>Polled feeds</h2>
      <p v-if="!feeds.length" class="muted">No polled feed is installed (the sample lead-source plugin adds one).</p>
      <table class="list" v-else><thead><tr><th scope="col">Feed</th><th scope="col">Polls</th><th scope="col">Failures</th><th scope="col">Last success</th><th scope="col">Last error</th></tr></thead>
        <tbody><tr v-for="f in feeds" :key="f.name"><td>{{ f.name }}</td><td>{{ f.polls }}</td><td>{{ f.failures }}</td><td>{{ ago(f.lastSuccessAt) }}</td><td>{{ f.lastError }}</td></tr></tbody></table></section>
    <section class="card"><h2>Dropped files</h2>
      <p v-if="!imports.length" class="muted">No file was dropped on this node.</p>
      <ul class="plain"><li v-for="i in imports" :key="i.id || i.file">{{ i.file || i.name }} — {{ i.state }} {{ i.read != null ? i.read + ' read' : '' }}</li></ul></section>
  </div>`,
};
