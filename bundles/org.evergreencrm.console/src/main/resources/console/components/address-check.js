// Address help while editing: suggestions as the street and city are typed (from the ZIP directory, every keystroke),
// and "Check address" showing the standardized form and what it changes, to take over with one click.
import { ref, watch } from 'vue';
import { get, post } from '../api.js';

export default {
  name: 'AddressCheck',
  props: { form: { type: Object, required: true }, disabled: { type: Boolean, default: false } },
  setup(props) {
    const suggestions = ref([]);
    const result = ref(null);
    const error = ref('');
    let seq = 0;
    let timer = null;
    let took = false;
    function typed() {
      const f = props.form;
      return [f.line1, [f.city, [f.state, f.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(', ');
    }
    watch(() => [props.form.line1, props.form.city, props.form.state, props.form.postalCode], () => {
      clearTimeout(timer);
      if (props.disabled || took) { took = false; return; }
      timer = setTimeout(async () => {
        const q = typed();
        const mine = ++seq;
        if (q.length < 2) { suggestions.value = []; return; }
        try {
          const s = await get('/addresses/autocomplete?q=' + encodeURIComponent(q) + '&max=6');
          if (mine === seq) suggestions.value = s;
        } catch (e) {
          suggestions.value = [];
        }
      }, 120);
    });
    function take(s) {
      if (s.deliveryLine) props.form.line1 = s.deliveryLine;
      props.form.city = s.city;
      props.form.state = s.state;
      if (s.zipcode) props.form.postalCode = s.zipcode;
      took = true;
      suggestions.value = [];
    }
    async function check() {
      error.value = '';
      result.value = null;
      const f = props.form;
      try {
        result.value = await post('/addresses/verify', { line1: f.line1 || null, line2: f.line2 || null, city: f.city || null,
          state: f.state || null, postalCode: f.postalCode || null, country: f.country || null });
      } catch (e) {
        error.value = e.message;
      }
    }
    function use() {
      const c = result.value.candidates[0].components;
      const line = result.value.candidates[0].deliveryLine1 || '';
      const unit = [c.secondaryDesignator, c.secondaryNumber].filter(Boolean).join(' ');
      props.form.line1 = unit && line.endsWith(' ' + unit) ? line.slice(0, -unit.length - 1) : line;
      props.form.line2 = unit;
      props.form.city = c.cityName || '';
      props.form.state = c.stateAbbreviation || '';
      props.form.postalCode = c.zipcode ? c.zipcode + (c.plus4Code ? '-' + c.plus4Code : '') : '';
      result.value = null;
    }
    return { suggestions, result, error, take, check, use };
  },
  template: `
  <div class="address-check">
    <ul class="suggestions" v-if="suggestions.length && !disabled" role="listbox" aria-label="Address suggestions" data-test="address-suggestions">
      <li v-for="s in suggestions" :key="s.text"><button type="button" role="option" @click="take(s)">{{ s.text }}</button></li>
    </ul>
    <button type="button" @click="check" :disabled="disabled" id="check-address">Check address</button>
    <p class="error" role="alert" v-if="error">{{ error }}</p>
    <div v-if="result" class="check-result" role="status" data-test="address-check">
      <p><strong>{{ result.verdict }}</strong></p>
      <template v-if="result.candidates.length">
        <p class="address-lines">{{ result.candidates[0].deliveryLine1 }}<br>{{ result.candidates[0].lastLine }}</p>
        <ul class="plain" v-if="result.changes.length"><li v-for="c in result.changes" :key="c.field">{{ c.field }}: {{ c.from || '(empty)' }} → {{ c.to || '(empty)' }}</li></ul>
        <p v-if="result.unparsed.length" class="warn">Not read: {{ result.unparsed.join('; ') }}</p>
        <button type="button" class="primary" @click="use" id="use-address">Use this address</button>
      </template>
    </div>
  </div>`,
};
