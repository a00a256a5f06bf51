// Scoring (managers and admins): what scores leads now, the model registry with each version's held-out figures and
// charts, promote and roll back (admins), and training from an uploaded CSV and mapping with its progress (admins).
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { get, post } from '../api.js';
import { isAdmin } from '../store.js';
import { when } from '../util.js';
import ModelCharts from '../components/model-charts.js';

export default {
  name: 'ScoringScreen',
  components: { ModelCharts },
  setup() {
    const scorer = ref(null);
    const models = ref([]);
    const jobs = ref([]);
    const selectedId = ref(null);
    const error = ref('');
    const absent = ref(false);
    const busy = ref(false);
    const form = ref({ name: '', csv: null, mapping: null });
    const fields = ref({});
    let timer = null;
    const running = () => jobs.value.some((j) => j.state === 'QUEUED' || j.state === 'RUNNING');
    const selected = computed(() => models.value.find((m) => m.id === selectedId.value)
      || models.value.find((m) => m.state === 'ACTIVE') || models.value[0] || null);
    const kept = computed(() => selected.value && selected.value.metrics[selected.value.algorithm]);
    async function load() {
      try {
        const [s, m, j] = await Promise.all([get('/scoring/scorer'), get('/scoring/models'), get('/scoring/trainings')]);
        scorer.value = s.scorer;
        models.value = m;
        jobs.value = j;
        absent.value = false;
        error.value = '';
      } catch (e) {
        absent.value = e.status === 503;
        error.value = absent.value ? 'The scoring plugin is not installed: an admin installs evergreen-scoring on Admin → Plugins.' : e.message;
      }
      clearTimeout(timer);
      if (running()) timer = setTimeout(load, 1000);
    }
    async function act(path) {
      busy.value = true;
      error.value = '';
      try {
        const v = await post(path);
        selectedId.value = v.id;
        await load();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    async function train() {
      fields.value = {};
      if (!form.value.csv) fields.value.csv = 'Choose the CSV of historical outcomes.';
      if (!form.value.mapping) fields.value.mapping = 'Choose the mapping file (JSON or YAML).';
      if (Object.keys(fields.value).length) return;
      busy.value = true;
      try {
        const [csv, mapping] = await Promise.all([form.value.csv.text(), form.value.mapping.text()]);
        await post('/scoring/trainings', { name: form.value.name, csvName: form.value.csv.name, csv, mapping });
        await load();
      } catch (e) {
        const f = {};
        for (const [k, v] of Object.entries(e.fields || {})) {
          const at = k === 'csv' || k === 'name' ? k : 'mapping';
          f[at] = (f[at] ? f[at] + ' ' : '') + (at === 'mapping' && k !== 'mapping' ? k + ' ' : '') + v;
        }
        fields.value = Object.keys(f).length ? f : { form: e.message };
      } finally {
        busy.value = false;
      }
    }
    const pick = (key) => (event) => { form.value[key] = event.target.files[0] || null; };
    const fmt = (x, d = 3) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));
    return { scorer, models, jobs, selected, selectedId, kept, error, absent, busy, form, fields, running, act, train, pick, fmt, when, isAdmin };
  },
  template: `
  <section aria-labelledby="scoring-title">
    <header class="screen-head"><h1 id="scoring-title">Scoring</h1>
      <p class="muted" data-test="scorer" v-if="!absent">{{ scorer ? 'Scoring new leads now: ' + scorer : 'Nothing scores new leads yet: train a model from your history.' }}</p></header>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <div class="stack" v-if="!absent">
      <section class="card" aria-labelledby="models-title"><h2 id="models-title">Models</h2>
        <div class="table-scroll"><table class="list" data-test="models"><thead><tr><th scope="col">#</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">Learner</th>
          <th scope="col">AUC</th><th scope="col">Brier</th><th scope="col">Lift@10%</th><th scope="col">Trained</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody><tr v-for="m in models" :key="m.id" :data-model="m.id" :class="{ selected: selected && selected.id === m.id }">
            <td>{{ m.id }}</td><td><button class="link" @click="selectedId = m.id" :aria-pressed="selected && selected.id === m.id">{{ m.name }}</button></td>
            <td><span class="badge" :class="m.state.toLowerCase()">{{ m.state }}</span></td><td>{{ m.algorithm }}</td>
            <td>{{ fmt(m.metrics[m.algorithm].auc) }}</td><td>{{ fmt(m.metrics[m.algorithm].brier, 4) }}</td><td>{{ fmt(m.metrics[m.algorithm].liftAt10, 2) }}</td>
            <td>{{ m.trainedBy }}, {{ when(m.trainedAt) }}</td>
            <td><button v-if="isAdmin() && m.state !== 'ACTIVE'" @click="act('/scoring/models/' + m.id + '/promote')" :disabled="busy">Promote</button></td></tr></tbody></table></div>
        <p v-if="!models.length" class="muted">No model yet.</p>
        <button v-if="isAdmin() && models.length > 1" type="button" @click="act('/scoring/models/rollback')" :disabled="busy" id="model-rollback">Roll back to the previous model</button>
      </section>
      <section class="card" aria-labelledby="train-title" v-if="isAdmin()"><h2 id="train-title">Train from a CSV</h2>
        <form @submit.prevent="train" novalidate>
          <label for="train-name">Model name</label><input id="train-name" v-model="form.name" placeholder="the file's name">
          <p class="error" v-if="fields.name">{{ fields.name }}</p>
          <label for="train-csv">CSV of historical outcomes (comma, semicolon or tab separated, a header row)</label>
          <input id="train-csv" type="file" accept=".csv,.tsv,.txt,text/csv" @change="pick('csv')($event)" :aria-invalid="!!fields.csv" aria-describedby="train-csv-error">
          <p class="error" id="train-csv-error" v-if="fields.csv">{{ fields.csv }}</p>
          <label for="train-mapping">Mapping (JSON or YAML: outcome, positive values, feature types, columns to drop; docs/scoring.md)</label>
          <input id="train-mapping" type="file" accept=".json,.yaml,.yml,.txt" @change="pick('mapping')($event)" :aria-invalid="!!fields.mapping" aria-describedby="train-mapping-error">
          <p class="error" id="train-mapping-error" data-test="mapping-error" v-if="fields.mapping">{{ fields.mapping }}</p>
          <p class="error" v-if="fields.form">{{ fields.form }}</p>
          <button type="submit" class="primary" id="train-start" :disabled="busy">{{ busy ? 'Uploading…' : 'Train' }}</button>
        </form>
        <table class="list" data-test="trainings"><thead><tr><th scope="col">#</th><th scope="col">Name</th><th scope="col">Progress</th><th scope="col">Started</th></tr></thead>
          <tbody><tr v-for="j in jobs" :key="j.id" :data-job="j.id" :data-state="j.state"><td>{{ j.id }}</td><td>{{ j.name }}</td>
            <td><progress max="100" :value="j.percent" :aria-label="'training ' + j.id"></progress> {{ j.state }} · {{ j.step }}
              <div class="muted small">{{ j.message }}</div></td>
            <td>{{ j.startedBy }}, {{ when(j.startedAt) }}</td></tr></tbody></table>
      </section>
    </div>
    <section v-if="selected && kept" class="card" aria-labelledby="model-title" data-test="model-detail">
      <h2 id="model-title">{{ selected.name }} v{{ selected.id }} <span class="badge" :class="selected.state.toLowerCase()">{{ selected.state }}</span></h2>
      <p class="small">Held out: {{ selected.split }}. Trained on {{ selected.trainRows }} rows<span v-if="selected.windowFrom"> from {{ selected.windowFrom }} to {{ selected.windowTo }}</span>, by {{ selected.trainedBy }}. Data: {{ selected.provenance }}.</p>
      <table class="list small" data-test="learners"><thead><tr><th scope="col">Learner</th><th scope="col">AUC</th><th scope="col">Log loss (base rate)</th><th scope="col">Brier</th><th scope="col">Lift@10%</th><th scope="col">Held-out leads (sales)</th></tr></thead>
        <tbody><tr v-for="(m, name) in selected.metrics" :key="name"><td>{{ name }}<span v-if="name === selected.algorithm"> (kept)</span></td><td>{{ fmt(m.auc) }}</td>
          <td>{{ fmt(m.logLoss, 4) }} ({{ fmt(m.baseLogLoss, 4) }})</td><td>{{ fmt(m.brier, 4) }}</td><td>{{ fmt(m.liftAt10, 2) }}</td><td>{{ m.rows }} ({{ m.positives }})</td></tr></tbody></table>
      <p class="small">Priority: A from {{ fmt(kept.priorityCuts[2] * 100, 1) }}%, B from {{ fmt(kept.priorityCuts[1] * 100, 1) }}%, C from {{ fmt(kept.priorityCuts[0] * 100, 1) }}%, D below. Features: {{ selected.features.join(', ') }}.</p>
      <model-charts :metrics="kept"></model-charts>
    </section>
  </section>`,
};
