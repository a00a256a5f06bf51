// One contact: details edited in place (errors at the field, from the server's problem+json), the timeline, the call
// queue and compliance ("why not called"), duplicates. Someone else's change shows live.
import { ref, computed, onMounted, onBeforeUnmount, watch } from 'vue';
import { useRoute } from 'vue-router';
import { get, put, ApiError } from '../api.js';
import { contactName, when, ago, label } from '../util.js';
import { onLive, viewContact } from '../live.js';
import ContactTimeline from '../components/timeline.js';
import ContactDuplicates from '../components/duplicates.js';
import PresenceBar from '../components/presence.js';
import ContactAddress from '../components/address.js';
import AddressCheck from '../components/address-check.js';
import ContactEnrichment from '../components/enrichment.js';

const STATUSES = ['NEW', 'WORKING', 'NURTURING', 'QUALIFIED', 'UNQUALIFIED', 'CUSTOMER'];

function toForm(c) {
  return {
    firstName: c.firstName || '', lastName: c.lastName || '', status: c.status,
    phone: c.phones[0]?.number || '', phoneType: c.phones[0]?.type || 'MOBILE',
    email: c.emails[0]?.address || '',
    line1: c.address?.line1 || '', line2: c.address?.line2 || '', city: c.address?.city || '',
    state: c.address?.state || '', postalCode: c.address?.postalCode || '', country: c.address?.country || 'US',
    tags: [...(c.tags || [])].join(', '),
  };
}

function toDraft(c, f) {
  const phones = [...c.phones];
  if (f.phone) phones[0] = { number: f.phone, type: f.phoneType }; else phones.splice(0, 1);
  const emails = [...c.emails];
  if (f.email) emails[0] = { address: f.email }; else emails.splice(0, 1);
  const anyAddress = f.line1 || f.line2 || f.city || f.state || f.postalCode;
  return {
    kind: c.kind, firstName: f.firstName || null, lastName: f.lastName || null, householdName: c.householdName,
    phones, emails,
    address: anyAddress ? { line1: f.line1 || null, line2: f.line2 || null, city: f.city || null, state: f.state || null, postalCode: f.postalCode || null, country: f.country || null } : null,
    source: c.source, ownerId: c.ownerId, status: f.status,
    tags: f.tags.split(',').map((t) => t.trim()).filter(Boolean), customFields: c.customFields,
  };
}

/** Server field names (phones[0].number, address.postalCode) to this form's. */
function formField(field) {
  const map = { 'phones[0].number': 'phone', 'phones[0]': 'phone', phones: 'phone', 'emails[0].address': 'email', 'emails[0]': 'email', emails: 'email',
    'address.line1': 'line1', 'address.line2': 'line2', 'address.city': 'city', 'address.state': 'state', 'address.postalCode': 'postalCode', 'address.country': 'country' };
  return map[field] || field.replace(/^address\./, '');
}

export default {
  name: 'ContactScreen',
  components: { ContactTimeline, ContactDuplicates, PresenceBar, ContactAddress, AddressCheck, ContactEnrichment },
  setup() {
    const route = useRoute();
    const id = computed(() => Number(route.params.id));
    const contact = ref(null);
    const etag = ref(null);
    const form = ref(null);
    const editing = ref(false);
    const saving = ref(false);
    const errors = ref({});
    const message = ref('');
    const loadError = ref('');
    const changedElsewhere = ref(false);
    const queue = ref(null);
    const queueError = ref('');

    async function load() {
      loadError.value = '';
      try {
        const r = await get('/contacts/' + id.value, { withEtag: true });
        contact.value = r.data;
        etag.value = r.etag;
        if (!editing.value) form.value = toForm(r.data);
        changedElsewhere.value = false;
        queueError.value = '';
        try {
          queue.value = await get('/queue/contacts/' + id.value);
        } catch (e) {
          queue.value = null;
          queueError.value = 'The call-queue state could not be loaded: ' + e.message;
        }
      } catch (e) {
        contact.value = null;
        loadError.value = e.status === 403 || e.status === 404 ? 'This contact does not exist or is not yours to see.' : e.message;
      }
    }

    function edit() {
      form.value = toForm(contact.value);
      errors.value = {};
      editing.value = true;
      setTimeout(() => document.getElementById('f-firstName')?.focus(), 0);
    }

    function cancel() {
      editing.value = false;
      errors.value = {};
      form.value = toForm(contact.value);
    }

    async function save() {
      saving.value = true;
      errors.value = {};
      message.value = '';
      try {
        const r = await put('/contacts/' + id.value, toDraft(contact.value, form.value), { ifMatch: etag.value, withEtag: true });
        contact.value = r.data.contact || r.data;
        etag.value = r.etag;
        editing.value = false;
        form.value = toForm(contact.value);
        message.value = 'Saved.';
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.status === 412)) {
          message.value = '';
          errors.value = { form: 'Someone else changed this contact meanwhile. Your edit was not saved; the current version is loaded — edit again.' };
          editing.value = false;
          await load();
        } else if (e instanceof ApiError && Object.keys(e.fields).length) {
          const mapped = {};
          for (const [k, v] of Object.entries(e.fields)) mapped[formField(k)] = v;
          errors.value = mapped;
        } else {
          errors.value = { form: e.message };
        }
      } finally {
        saving.value = false;
      }
    }

    const stop = onLive((m) => {
      if (m.type === 'gap') { load(); return; }
      if (m.type !== 'event' || !(m.contactIds || []).includes(id.value)) return;
      if (m.topic.startsWith('contact.')) {
        if (editing.value) changedElsewhere.value = true; else load();
      } else if (m.topic.startsWith('queue.') || m.topic.startsWith('merge.')) {
        load();
      }
    });
    onMounted(() => { load(); viewContact(id.value); });
    watch(id, () => { editing.value = false; load(); viewContact(id.value); });
    onBeforeUnmount(() => { stop(); viewContact(null); });
    return { id, contact, form, editing, saving, errors, message, loadError, changedElsewhere, queue, queueError, STATUSES,
      load, edit, cancel, save, contactName, when, ago, label };
  },
  template: `
  <section v-if="loadError" class="card"><h1>Contact</h1><p class="error" role="alert" data-test="contact-error">{{ loadError }}</p>
    <router-link to="/leads">Back to the leads</router-link></section>
  <section v-else-if="contact" aria-labelledby="contact-title">
    <header class="screen-head">
      <h1 id="contact-title">{{ contactName(contact) }}</h1>
      <span class="badge">{{ label(contact.status) }}</span>
    </header>
    <presence-bar :contact-id="id"></presence-bar>
    <p class="warn" role="alert" v-if="changedElsewhere">Someone else just changed this contact. <button @click="cancel(); load()">Load their version</button></p>
    <div class="contact-grid">
      <form class="card" @submit.prevent="save" aria-labelledby="details-title" novalidate>
        <h2 id="details-title">Details</h2>
        <p class="error" role="alert" v-if="errors.form">{{ errors.form }}</p>
        <p class="ok" role="status" v-if="message">{{ message }}</p>
        <fieldset :disabled="!editing || saving">
          <div class="field-row">
            <div><label for="f-firstName">First name</label><input id="f-firstName" v-model="form.firstName" :aria-invalid="!!errors.firstName" aria-describedby="e-firstName"><p id="e-firstName" class="field-error" v-if="errors.firstName">{{ errors.firstName }}</p></div>
            <div><label for="f-lastName">Last name</label><input id="f-lastName" v-model="form.lastName" :aria-invalid="!!errors.lastName" aria-describedby="e-lastName"><p id="e-lastName" class="field-error" v-if="errors.lastName">{{ errors.lastName }}</p></div>
          </div>
          <div class="field-row">
            <div><label for="f-phone">Phone</label><input id="f-phone" v-model="form.phone" inputmode="tel" :aria-invalid="!!errors.phone" aria-describedby="e-phone"><p id="e-phone" class="field-error" v-if="errors.phone">{{ errors.phone }}</p></div>
            <div><label for="f-email">E-mail</label><input id="f-email" v-model="form.email" type="email" :aria-invalid="!!errors.email" aria-describedby="e-email"><p id="e-email" class="field-error" v-if="errors.email">{{ errors.email }}</p></div>
          </div>
          <label for="f-line1">Street</label><input id="f-line1" v-model="form.line1" :aria-invalid="!!errors.line1"><p class="field-error" v-if="errors.line1">{{ errors.line1 }}</p>
          <label for="f-line2">Apartment, suite</label><input id="f-line2" v-model="form.line2">
          <div class="field-row">
            <div><label for="f-city">City</label><input id="f-city" v-model="form.city" :aria-invalid="!!errors.city"><p class="field-error" v-if="errors.city">{{ errors.city }}</p></div>
            <div><label for="f-state">State</label><input id="f-state" v-model="form.state" :aria-invalid="!!errors.state"><p class="field-error" v-if="errors.state">{{ errors.state }}</p></div>
            <div><label for="f-postalCode">ZIP</label><input id="f-postalCode" v-model="form.postalCode" :aria-invalid="!!errors.postalCode" aria-describedby="e-postalCode"><p id="e-postalCode" class="field-error" v-if="errors.postalCode">{{ errors.postalCode }}</p></div>
          </div>
          <address-check v-if="editing" :form="form" :disabled="saving"></address-check>
          <div class="field-row">
            <div><label for="f-status">Status</label><select id="f-status" v-model="form.status"><option v-for="s in STATUSES" :key="s" :value="s">{{ label(s) }}</option></select></div>
            <div><label for="f-tags">Tags</label><input id="f-tags" v-model="form.tags" :aria-invalid="!!errors.tags"><p class="field-error" v-if="errors.tags">{{ errors.tags }}</p></div>
          </div>
        </fieldset>
        <p class="field-error" v-for="(v, k) in errors" :key="k" v-show="!['form','firstName','lastName','phone','email','line1','city','state','postalCode','tags'].includes(k)">{{ k }}: {{ v }}</p>
        <div class="actions">
          <button type="button" v-if="!editing" @click="edit" id="edit-contact">Edit</button>
          <template v-else><button type="submit" class="primary" :disabled="saving" id="save-contact">{{ saving ? 'Saving…' : 'Save' }}</button>
            <button type="button" @click="cancel" :disabled="saving">Cancel</button></template>
        </div>
        <p class="muted small">Created {{ when(contact.createdAt) }} from {{ contact.source || 'no source' }} · version {{ contact.version }}</p>
      </form>
      <section class="card" aria-labelledby="queue-state-title">
        <h2 id="queue-state-title">Call queue and compliance</h2>
        <template v-if="queue">
          <p v-if="queue.entry">In <strong>{{ queue.entry.bucketName || 'no bucket' }}</strong> — {{ label(queue.entry.status) }}, {{ queue.entry.attemptsTotal }} attempts
            <span v-if="queue.entry.dueAt">, due {{ when(queue.entry.dueAt) }}</span>
            <span v-if="queue.entry.blockedCode" class="badge bad">{{ label(queue.entry.blockedCode) }}</span> {{ queue.entry.blockedReason }}</p>
          <p v-else class="muted">Not in the call queue.</p>
          <template v-if="queue.attempts.length">
            <h3>Last calls</h3>
            <ul class="plain" data-test="last-calls">
              <li v-for="a in queue.attempts.slice(-5).reverse()" :key="a.id">{{ when(a.claimedAt) }} — {{ a.username }}: <strong>{{ label(a.outcome) || 'in progress' }}</strong>
                <span v-if="a.note" class="muted">“{{ a.note }}”</span></li>
            </ul>
          </template>
          <h3>Why (not) called</h3>
          <ul class="plain decisions">
            <li v-for="d in queue.decisions.slice(0, 10)" :key="d.id"><span :class="d.allowed ? 'badge ok' : 'badge bad'">{{ d.allowed ? 'allowed' : 'refused' }}</span>
              {{ when(d.decidedAt) }} {{ d.phone }} — {{ d.reasons }}</li>
          </ul>
          <p v-if="!queue.decisions.length" class="muted">No call decisions yet.</p>
        </template>
        <p v-else-if="queueError" class="error" role="alert">{{ queueError }} <button type="button" @click="load">Retry</button></p>
        <p v-else class="muted" role="status">Loading…</p>
      </section>
    </div>
    <contact-address :contact-id="id" :version="contact.version"></contact-address>
    <contact-enrichment :contact-id="id" :version="contact.version"></contact-enrichment>
    <contact-timeline :contact-id="id"></contact-timeline>
    <contact-duplicates :contact-id="id" @merged="load"></contact-duplicates>
  </section>
  <p v-else class="muted" role="status">Loading…</p>`,
};
