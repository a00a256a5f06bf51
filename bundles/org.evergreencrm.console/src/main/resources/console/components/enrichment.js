// A contact's enrichment: nearest branch, neighbourhood, market context from our own history and property data when a
// vendor is configured — every value with where it came from and when; "Enrich again" for whoever may change the contact.
import { ref, computed, onMounted, onBeforeUnmount, watch } from 'vue';
import { get, post } from '../api.js';
import { when } from '../util.js';
import { onLive } from '../live.js';

const GROUPS = { branch: 'Nearest branch', neighborhood: 'Neighbourhood', market: 'Market (our history)', property: 'Property' };
const LABELS = {
  nearestBranch: 'Branch', distanceMiles: 'Distance', withinRadius: 'Inside its radius', city: 'City', county: 'County',
  zipsWithin10mi: 'ZIPs within 10 mi', density: 'Density', region: 'Region', leadsLast12Months: 'Leads, last 12 months',
  appointmentRate: 'Appointment rate, 12 months', appointmentRateThisMonth: 'Appointment rate, this month of the year', seasonality: 'Season (this month)', trend: 'Trend (90 days)', trendDirection: 'Direction',
  yearBuilt: 'Year built', livingAreaSqft: 'Living area', bedrooms: 'Bedrooms', bathrooms: 'Bathrooms', lotSizeAcres: 'Lot',
  lotSizeSqft: 'Lot', propertyClass: 'Type', ownerOccupied: 'Owner-occupied', estimatedValue: 'Estimated value',
};

export default {
  name: 'ContactEnrichment',
  props: { contactId: { type: Number, required: true }, version: { type: Number, default: 0 } },
  setup(props) {
    const data = ref(null);
    const state = ref('loading');
    const error = ref('');
    const busy = ref(false);
    const groups = computed(() => {
      const out = [];
      for (const v of (data.value ? data.value.values : [])) {
        let g = out.find((x) => x.key === v.group);
        if (!g) { g = { key: v.group, title: GROUPS[v.group] || v.group, values: [] }; out.push(g); }
        g.values.push(v);
      }
      return out;
    });
    const failed = computed(() => (data.value ? data.value.runs : []).filter((r) => r.outcome === 'FAILED'));
    function shown(v) {
      if (v.unit === '%') return v.value + '%';
      if (v.unit === 'USD') return '$' + Number(v.value).toLocaleString('en-US');
      if (v.unit === 'x') return v.value + '×';
      if (v.value === 'true') return 'yes';
      if (v.value === 'false') return 'no';
      return v.value + (v.unit ? ' ' + v.unit : '');
    }
    async function load() {
      error.value = '';
      try {
        data.value = await get('/enrichment/contacts/' + props.contactId);
        state.value = 'ok';
      } catch (e) {
        data.value = null;
        state.value = e.status === 503 ? 'off' : 'error';
        if (state.value === 'error') error.value = e.message;
      }
    }
    async function again() {
      busy.value = true;
      error.value = '';
      try {
        data.value = await post('/enrichment/contacts/' + props.contactId + '/refresh');
        state.value = 'ok';
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    const stop = onLive((m) => {
      if (m.type === 'gap' || (m.type === 'event' && m.topic === 'timeline.CHANGED' && (m.contactIds || []).includes(props.contactId))) load();
    });
    onMounted(load);
    onBeforeUnmount(stop);
    watch(() => props.version, () => setTimeout(load, 900));
    return { data, state, error, busy, groups, failed, shown, again, when, LABELS };
  },
  template: `
  <section class="card" aria-labelledby="enrichment-title" data-test="contact-enrichment">
    <h2 id="enrichment-title">Enrichment</h2>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <template v-if="state === 'ok'">
      <p v-if="!groups.length" class="muted">Not enriched yet (the contact needs a standardized US address).</p>
      <div v-for="g in groups" :key="g.key" class="enrichment-group">
        <h3>{{ g.title }}</h3>
        <dl class="facts">
          <template v-for="v in g.values" :key="v.source + v.field">
            <dt>{{ LABELS[v.field] || v.field }}</dt>
            <dd :title="v.detail"><span :data-field="v.field">{{ shown(v) }}</span>
              <small class="muted"> — {{ v.detail }} · {{ v.source }}, {{ when(v.at) }}</small></dd>
          </template>
        </dl>
      </div>
      <p v-for="r in failed" :key="r.provider" class="warn" role="status">{{ r.provider }} could not answer: {{ r.message }} (last good values kept)</p>
      <p class="muted" v-if="data.enrichedAt">Last enriched {{ when(data.enrichedAt) }}.</p>
    </template>
    <p v-else-if="state === 'off'" class="muted">Enrichment is not installed.</p>
    <p v-else-if="state === 'loading'" class="muted" role="status">Loading…</p>
    <div class="actions" v-if="state !== 'off'"><button type="button" @click="again" :disabled="busy" id="enrich-again">{{ busy ? 'Enriching…' : 'Enrich again' }}</button></div>
  </section>`,
};
