import { ref, onMounted } from 'vue';
import { get, post } from '../../api.js';
import { label } from '../../util.js';

const OUTCOMES = ['NO_ANSWER', 'BUSY', 'VOICEMAIL', 'CALLBACK', 'APPOINTMENT_SET', 'NOT_INTERESTED', 'WRONG_NUMBER', 'DO_NOT_CALL'];
const DEFAULTS = { NO_ANSWER: ['RETRY', 'PT2H'], BUSY: ['RETRY', 'PT30M'], VOICEMAIL: ['RETRY', 'PT4H'], CALLBACK: ['RETRY', ''],
  APPOINTMENT_SET: ['FINISH', ''], NOT_INTERESTED: ['FINISH', ''], WRONG_NUMBER: ['FINISH', ''], DO_NOT_CALL: ['FINISH', ''] };

function blank() {
  return { name: '', weight: 10, order: 'SCORE', maxAttempts: 6, maxTotalAttempts: 12, from: '09:00', to: '20:00',
    transitions: OUTCOMES.map((o) => ({ outcome: o, action: DEFAULTS[o][0], delay: DEFAULTS[o][1], toBucket: '', finalState: DEFAULTS[o][0] === 'FINISH' ? o : '' })) };
}

export default {
  name: 'AdminBuckets',
  setup() {
    const buckets = ref([]);
    const draft = ref(blank());
    const errors = ref({});
    const message = ref('');
    const saving = ref(false);
    async function load() { buckets.value = await get('/queue/buckets'); }
    async function create() {
      saving.value = true;
      errors.value = {};
      message.value = '';
      const d = draft.value;
      try {
        const b = await post('/queue/buckets', { name: d.name, weight: d.weight, order: d.order, maxAttempts: d.maxAttempts, maxTotalAttempts: d.maxTotalAttempts,
          hours: { days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'], from: d.from, to: d.to },
          transitions: d.transitions.map((t) => ({ outcome: t.outcome, action: t.action, delay: t.delay || null, toBucket: t.toBucket || null, finalState: t.finalState || null })) });
        message.value = 'Bucket “' + b.name + '” created.';
        draft.value = blank();
        await load();
      } catch (e) {
        errors.value = Object.keys(e.fields).length ? e.fields : { form: e.message };
      } finally {
        saving.value = false;
      }
    }
    onMounted(load);
    return { buckets, draft, errors, message, saving, create, label };
  },
  template: `
  <div class="admin-grid">
    <section class="card"><h2>Buckets</h2>
      <table class="list" data-test="bucket-list"><thead><tr><th scope="col">Name</th><th scope="col">Weight</th><th scope="col">Order</th><th scope="col">Attempts</th><th scope="col">Hours</th><th scope="col">Rules</th></tr></thead>
        <tbody><tr v-for="b in buckets" :key="b.id"><td>{{ b.name }}</td><td>{{ b.weight }}</td><td>{{ label(b.order) }}</td><td>{{ b.maxAttempts }} / {{ b.maxTotalAttempts }}</td>
          <td>{{ b.hours ? b.hours.from + '–' + b.hours.to : 'legal window' }}</td>
          <td class="small">{{ b.transitions.map(t => label(t.outcome) + ' → ' + label(t.action) + (t.delay ? ' ' + t.delay : '') + (t.toBucket ? ' ' + t.toBucket : '')).join('; ') }}</td></tr></tbody></table></section>
    <form class="card" @submit.prevent="create" aria-labelledby="nb-title" novalidate><h2 id="nb-title">New bucket</h2>
      <p class="error" role="alert" v-if="errors.form">{{ errors.form }}</p><p class="ok" role="status" v-if="message">{{ message }}</p>
      <label for="nb-name">Name</label><input id="nb-name" v-model="draft.name" :aria-invalid="!!errors.name"><p class="field-error" v-if="errors.name">{{ errors.name }}</p>
      <div class="field-row">
        <div><label for="nb-weight">Weight</label><input id="nb-weight" type="number" v-model.number="draft.weight"><p class="field-error" v-if="errors.weight">{{ errors.weight }}</p></div>
        <div><label for="nb-order">Order</label><select id="nb-order" v-model="draft.order"><option>SCORE</option><option>AGE</option><option>LAST_ATTEMPT</option><option>CALLBACK</option></select></div>
        <div><label for="nb-max">Attempts here</label><input id="nb-max" type="number" v-model.number="draft.maxAttempts"><p class="field-error" v-if="errors.maxAttempts">{{ errors.maxAttempts }}</p></div>
        <div><label for="nb-total">In all</label><input id="nb-total" type="number" v-model.number="draft.maxTotalAttempts"><p class="field-error" v-if="errors.maxTotalAttempts">{{ errors.maxTotalAttempts }}</p></div>
      </div>
      <div class="field-row"><div><label for="nb-from">Calls from</label><input id="nb-from" type="time" v-model="draft.from"></div>
        <div><label for="nb-to">until</label><input id="nb-to" type="time" v-model="draft.to"></div></div>
      <p class="field-error" v-if="errors.hours">{{ errors.hours }}</p>
      <table class="list small"><caption>Rules per outcome</caption><thead><tr><th scope="col">Outcome</th><th scope="col">Then</th><th scope="col">After</th><th scope="col">To bucket</th></tr></thead>
        <tbody><tr v-for="(t, i) in draft.transitions" :key="t.outcome"><th scope="row">{{ label(t.outcome) }}</th>
          <td><select v-model="t.action" :aria-label="'Action after ' + label(t.outcome)"><option>RETRY</option><option>MOVE</option><option>FINISH</option></select></td>
          <td><input v-model="t.delay" size="6" :aria-label="'Delay after ' + label(t.outcome)" placeholder="PT2H"></td>
          <td><input v-model="t.toBucket" size="8" :aria-label="'Bucket after ' + label(t.outcome)"></td></tr></tbody></table>
      <p class="field-error" v-for="(v, k) in errors" :key="k" v-show="k.startsWith('transitions')">{{ k }}: {{ v }}</p>
      <button type="submit" class="primary" :disabled="saving" id="create-bucket">{{ saving ? 'Creating…' : 'Create bucket' }}</button></form>
  </div>`,
};
