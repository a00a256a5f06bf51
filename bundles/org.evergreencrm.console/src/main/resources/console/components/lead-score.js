// A lead's score: its A–D priority and calibrated chance of a sale, and — opened — why: each feature's value and its
// effect (up raises the chance, down lowers it), with the model that gave it.
export default {
  name: 'LeadScore',
  props: { lead: { type: Object, required: true } },
  methods: {
    pct(p) { return Math.round(p * 1000) / 10 + '%'; },
    arrow(e) { return e > 0 ? '▲' : e < 0 ? '▼' : '·'; },
  },
  template: `
  <span v-if="lead.score == null" class="muted">—</span>
  <details v-else class="lead-score">
    <summary :aria-label="'Score ' + pct(lead.score) + (lead.scored && lead.scored.priority ? ', priority ' + lead.scored.priority : '') + ': show why'">
      <strong v-if="lead.scored && lead.scored.priority" :class="'priority priority-' + lead.scored.priority">{{ lead.scored.priority }}</strong>
      {{ pct(lead.score) }}
    </summary>
    <div v-if="lead.scored">
      <p class="muted">chance of a sale, by {{ lead.scored.model }}</p>
      <ul class="reasons">
        <li v-for="r in lead.scored.reasons" :key="r.feature">
          <span :class="r.effect > 0 ? 'up' : 'down'" aria-hidden="true">{{ arrow(r.effect) }}</span>
          {{ r.feature }} = {{ r.value }} <span class="muted">({{ r.effect > 0 ? '+' : '' }}{{ r.effect.toFixed(2) }} log-odds)</span>
        </li>
      </ul>
    </div>
    <p v-else class="muted">no reasons were given with this score</p>
  </details>`,
};
