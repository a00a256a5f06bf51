// My call queue: claim the next contact, see what the call needs, record the outcome with one key, go on.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { get, post, ApiError } from '../api.js';
import { ago, when, localTime, contactName, localInputToIso, label } from '../util.js';
import { onLive, viewContact } from '../live.js';
import PresenceBar from '../components/presence.js';

const ALL_OUTCOMES = ['NO_ANSWER', 'BUSY', 'VOICEMAIL', 'CALLBACK', 'APPOINTMENT_SET', 'NOT_INTERESTED', 'WRONG_NUMBER', 'DO_NOT_CALL', 'NOT_DIALED'];

export default {
  name: 'QueueScreen',
  components: { PresenceBar },
  setup() {
    const claim = ref(null);
    const contact = ref(null);
    const state = ref(null);
    const number = ref(null);
    const notes = ref([]);
    const outcomes = ref(ALL_OUTCOMES);
    const loading = ref(false);
    const saving = ref(false);
    const empty = ref(false);
    const error = ref('');
    const note = ref('');
    const callbackAt = ref('');
    const pendingOutcome = ref(null);
    const done = ref(0);
    const lastResult = ref(null);

    const zone = computed(() => number.value?.callNow?.zones?.[0]);
    const callable = computed(() => number.value ? number.value.callNow.allowed && !number.value.doNotCall : null);
    const whyNot = computed(() => (number.value?.callNow?.reasons || []).map((r) => r.message || r.code).join('; '));

    async function next() {
      loading.value = true;
      error.value = '';
      empty.value = false;
      lastResult.value = lastResult.value;
      try {
        const c = await post('/queue/next');
        claim.value = c;
        if (!c) {
          empty.value = true;
          contact.value = null;
          viewContact(null);
          return;
        }
        note.value = '';
        callbackAt.value = '';
        pendingOutcome.value = null;
        viewContact(c.contactId);
        await loadDetails(c);
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    async function loadDetails(c) {
      const [k, s, t] = await Promise.all([
        get('/contacts/' + c.contactId),
        get('/queue/contacts/' + c.contactId).catch(() => null),
        get('/timeline/' + c.contactId + '?kind=NOTE&limit=5').catch(() => ({ items: [] })),
      ]);
      contact.value = k;
      state.value = s;
      notes.value = t.items;
      number.value = c.phone ? await get('/compliance/numbers/' + encodeURIComponent(c.phone)).catch(() => null) : null;
      try {
        const bucket = await get('/queue/buckets/' + c.bucketId);
        const listed = (bucket.transitions || []).map((x) => x.outcome);
        outcomes.value = listed.length ? ALL_OUTCOMES.filter((o) => listed.includes(o) || o === 'NOT_DIALED' || o === 'DO_NOT_CALL' || o === 'CALLBACK') : ALL_OUTCOMES;
      } catch (e) {
        outcomes.value = ALL_OUTCOMES;
      }
    }

    async function record(outcome) {
      if (!claim.value || saving.value) return;
      if (outcome === 'CALLBACK' && !callbackAt.value) {
        pendingOutcome.value = 'CALLBACK';
        error.value = 'Pick the date and time of the callback, then press Save callback.';
        setTimeout(() => document.getElementById('callback-at')?.focus(), 0);
        return;
      }
      saving.value = true;
      error.value = '';
      try {
        const body = { outcome, note: note.value || null, callbackAt: outcome === 'CALLBACK' ? localInputToIso(callbackAt.value) : null };
        lastResult.value = await post('/queue/attempts/' + claim.value.attemptId + '/outcome', body);
        done.value++;
        await next();
      } catch (e) {
        error.value = e instanceof ApiError && e.fields.callbackAt ? 'Callback: ' + e.fields.callbackAt : e.message;
      } finally {
        saving.value = false;
      }
    }

    function onKey(event) {
      if (!claim.value || event.target.closest('input, textarea, select')) return;
      const n = Number(event.key);
      if (n >= 1 && n <= outcomes.value.length) {
        event.preventDefault();
        record(outcomes.value[n - 1]);
      }
    }

    const stop = onLive((m) => {
      if (m.type === 'event' && claim.value && (m.contactIds || []).includes(claim.value.contactId) && m.topic === 'timeline.CHANGED') {
        get('/timeline/' + claim.value.contactId + '?kind=NOTE&limit=5').then((t) => { notes.value = t.items; }).catch(() => {});
      }
    });
    onMounted(() => window.addEventListener('keydown', onKey));
    onBeforeUnmount(() => { window.removeEventListener('keydown', onKey); stop(); viewContact(null); });

    return { claim, contact, state, number, notes, outcomes, loading, saving, empty, error, note, callbackAt, pendingOutcome,
      done, lastResult, zone, callable, whyNot, next, record, ago, when, localTime, contactName, label };
  },
  template: `
  <section aria-labelledby="queue-title">
    <header class="screen-head">
      <h1 id="queue-title">My call queue</h1>
      <span class="muted" v-if="done">{{ done }} worked this session</span>
    </header>
    <p class="ok" role="status" v-if="lastResult">Saved: {{ label(lastResult.outcome) }} — {{ lastResult.detail || lastResult.action }}</p>
    <div v-if="!claim" class="card center">
      <p v-if="empty" role="status">Nobody is callable right now. Contacts outside their calling hours or on a do-not-call list are held back.</p>
      <button class="primary big" @click="next" :disabled="loading" id="next-contact">{{ loading ? 'Finding…' : 'Next contact' }}</button>
    </div>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <div v-if="claim && contact" class="call-grid">
      <article class="card" aria-labelledby="call-name">
        <presence-bar :contact-id="claim.contactId"></presence-bar>
        <h2 id="call-name"><router-link :to="'/contacts/' + contact.id">{{ contactName(contact) }}</router-link></h2>
        <dl class="facts">
          <dt>Local time</dt><dd data-test="local-time">{{ localTime(zone) }}</dd>
          <dt>Calling now</dt>
          <dd><span :class="callable ? 'badge ok' : 'badge bad'" data-test="callable">{{ callable === null ? 'unknown' : (callable ? 'allowed' : 'not allowed') }}</span>
              <span v-if="callable === false"> — {{ whyNot }}</span></dd>
          <dt>Phones</dt><dd><span v-for="p in contact.phones" :key="p.number" class="phone"><a :href="'tel:' + p.number">{{ p.number }}</a> <small>{{ label(p.type) }}</small></span></dd>
          <dt>Address</dt><dd>{{ contact.address ? [contact.address.line1, contact.address.line2, contact.address.city, contact.address.state, contact.address.postalCode].filter(Boolean).join(', ') : '—' }}</dd>
          <dt>Lead</dt><dd>{{ contact.source || 'no source' }}, {{ ago(contact.createdAt) }}</dd>
          <dt>Bucket</dt><dd>{{ claim.bucketName }} — attempt {{ claim.attemptsTotal + 1 }}</dd>
          <dt>Held until</dt><dd>{{ when(claim.leaseUntil) }}</dd>
        </dl>
        <h3>Last outcomes</h3>
        <ul class="plain" v-if="state && state.attempts.length">
          <li v-for="a in state.attempts.slice(-5).reverse()" :key="a.id">{{ when(a.claimedAt) }} — {{ a.username }}: <strong>{{ label(a.outcome) || 'open' }}</strong> <span v-if="a.note" class="muted">“{{ a.note }}”</span></li>
        </ul>
        <p v-else class="muted">First call.</p>
        <h3>Notes</h3>
        <ul class="plain" v-if="notes.length"><li v-for="n in notes" :key="n.id">{{ n.summary }} <small class="muted">{{ ago(n.at) }}</small></li></ul>
        <p v-else class="muted">No notes yet.</p>
      </article>
      <aside class="card" aria-labelledby="outcome-title">
        <h2 id="outcome-title">Outcome</h2>
        <div class="outcomes" role="group" aria-label="Call outcomes">
          <button v-for="(o, i) in outcomes" :key="o" @click="record(o)" :disabled="saving" :data-outcome="o"
                  :class="{ active: pendingOutcome === o }"><kbd>{{ i + 1 }}</kbd> {{ label(o) }}</button>
        </div>
        <label for="callback-at">Callback at</label>
        <input id="callback-at" type="datetime-local" v-model="callbackAt">
        <button v-if="pendingOutcome === 'CALLBACK'" class="primary" @click="record('CALLBACK')" :disabled="saving">Save callback</button>
        <label for="call-note">Note</label>
        <textarea id="call-note" v-model="note" rows="3" placeholder="What was said (saved with the outcome)"></textarea>
        <p class="muted small">Keys 1–{{ outcomes.length }} record an outcome; the next contact follows.</p>
      </aside>
    </div>
  </section>`,
};
