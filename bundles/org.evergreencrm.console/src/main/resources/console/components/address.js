// A contact's address: the standardized form stored beside the typed one (offline: never "verified"), where it was
// placed and its time zone; "Standardize again" for whoever may change the contact.
import { ref, onMounted, watch } from 'vue';
import { get, post, put } from '../api.js';
import { when } from '../util.js';

export default {
  name: 'ContactAddress',
  props: { contactId: { type: Number, required: true }, version: { type: Number, default: 0 } },
  setup(props) {
    const address = ref(null);
    const state = ref('loading');
    const error = ref('');
    const busy = ref(false);
    const byHand = ref(null); // { line1, line2, error } while the form is open
    function openByHand() {
      const s = address.value && address.value.standard;
      byHand.value = { line1: s ? s.deliveryLine1 : '', line2: s ? s.lastLine : '', error: '' };
    }
    async function saveByHand() {
      busy.value = true;
      byHand.value.error = '';
      try {
        address.value = await put('/addresses/contacts/' + props.contactId + '/standard', { lines: [byHand.value.line1, byHand.value.line2] });
        state.value = 'ok';
        byHand.value = null;
      } catch (e) {
        byHand.value.error = (e.fields && (e.fields.lines || e.fields.address)) || e.message;
      } finally {
        busy.value = false;
      }
    }
    async function load() {
      error.value = '';
      try {
        address.value = await get('/addresses/contacts/' + props.contactId);
        state.value = 'ok';
      } catch (e) {
        address.value = null;
        state.value = e.status === 404 ? 'none' : e.status === 503 ? 'off' : 'error';
        if (state.value === 'error') error.value = e.message;
      }
    }
    async function again() {
      busy.value = true;
      error.value = '';
      try {
        address.value = await post('/addresses/contacts/' + props.contactId + '/standardize');
        state.value = address.value.standard ? 'ok' : 'none';
        if (!address.value.standard) error.value = address.value.note;
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    onMounted(load);
    // the contact changed (saved here or live): its address is standardized again by the server shortly
    watch(() => props.version, () => setTimeout(load, 700));
    // OpenStreetMap at the point, zoomed to the street for a rooftop point and to the neighbourhood for a ZIP centroid
    function mapLink(m) {
      const zoom = m.precision === 'Zip5' ? 13 : m.precision === 'State' ? 6 : 17;
      return 'https://www.openstreetmap.org/?mlat=' + m.latitude + '&mlon=' + m.longitude + '#map=' + zoom + '/' + m.latitude + '/' + m.longitude;
    }
    const SOURCES = { OFFLINE: 'offline (USPS rules, ZIP data)', SMARTYSTREETS: 'by SmartyStreets', MANUAL: 'by hand' };
    return { address, state, error, busy, again, when, mapLink, byHand, openByHand, saveByHand, SOURCES };
  },
  template: `
  <section class="card" aria-labelledby="address-title" data-test="contact-address">
    <h2 id="address-title">Standardized address</h2>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <template v-if="state === 'ok' && address.standard">
      <p class="address-lines"><span v-if="address.standard.addressee">{{ address.standard.addressee }}<br></span>{{ address.standard.deliveryLine1 }}<br>{{ address.standard.lastLine }}</p>
      <p><span class="badge" :class="address.standard.analysis.verified ? 'ok' : ''">{{ address.standard.analysis.verified ? 'verified' : 'not verified' }}</span>
        standardized <span data-test="address-source">{{ SOURCES[address.standard.source] || address.standard.source }}</span> {{ when(address.standard.at) }}</p>
      <dl class="facts">
        <dt>Placed</dt><dd>{{ address.note }}</dd>
        <dt v-if="address.standard.metadata.countyName">County</dt><dd v-if="address.standard.metadata.countyName">{{ address.standard.metadata.countyName }} ({{ address.standard.metadata.countyFips }})</dd>
        <dt v-if="address.standard.metadata.latitude != null">Location</dt><dd v-if="address.standard.metadata.latitude != null">{{ address.standard.metadata.latitude }}, {{ address.standard.metadata.longitude }} ({{ address.standard.metadata.precision }})
          <a :href="mapLink(address.standard.metadata)" target="_blank" rel="noopener noreferrer" id="address-map-link">Map</a></dd>
        <dt v-if="address.standard.analysis.footnotes">Notes</dt><dd v-if="address.standard.analysis.footnotes">{{ address.standard.analysis.footnotes }}</dd>
      </dl>
    </template>
    <p v-else-if="state === 'none'" class="muted">Not standardized (no US address, or not yet).</p>
    <p v-else-if="state === 'off'" class="muted">Address standardization is not installed.</p>
    <p v-else-if="state === 'loading'" class="muted" role="status">Loading…</p>
    <form v-if="byHand" @submit.prevent="saveByHand" aria-label="Set the standardized address by hand" data-test="address-by-hand">
      <label for="hand-line1">Delivery line</label><input id="hand-line1" v-model="byHand.line1" autocomplete="off" :aria-invalid="!!byHand.error">
      <label for="hand-line2">Last line (city, state, ZIP)</label><input id="hand-line2" v-model="byHand.line2" autocomplete="off" :aria-invalid="!!byHand.error">
      <p class="field-error" role="alert" v-if="byHand.error">{{ byHand.error }}</p>
      <p class="muted small">Kept until the typed address changes; never marked verified.</p>
      <div class="actions"><button type="submit" class="primary" :disabled="busy" id="save-by-hand">Save</button>
        <button type="button" @click="byHand = null">Cancel</button></div>
    </form>
    <div class="actions" v-if="state !== 'off' && !byHand"><button type="button" @click="again" :disabled="busy" id="standardize-address">{{ busy ? 'Standardizing…' : 'Standardize again' }}</button>
      <button type="button" @click="openByHand" id="address-by-hand" v-if="state === 'ok' || state === 'none'">Set by hand</button></div>
  </section>`,
};
