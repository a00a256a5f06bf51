// "Maria is viewing this contact": the other people who have this contact open now.
import { computed } from 'vue';
import { live, session } from '../store.js';

export default {
  name: 'PresenceBar',
  props: { contactId: { type: Number, required: true } },
  setup(props) {
    const others = computed(() => (live.presence[props.contactId] || []).filter((v) => v.username !== session.user?.username));
    return { others };
  },
  template: `<p class="presence" role="status" aria-live="polite" v-if="others.length">
    <span class="dot" aria-hidden="true"></span>{{ others.map(o => o.displayName).join(', ') }} {{ others.length === 1 ? 'is' : 'are' }} viewing this contact</p>`,
};
