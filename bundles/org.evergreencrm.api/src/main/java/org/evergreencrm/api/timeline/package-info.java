/**
 * The activity timeline: one ordered record per contact of what happened to it (lead received, assigned, claimed,
 * called, refused by compliance, merged, notes, tasks). Entries are written by the timeline bundle from the domain
 * events; another bundle adds a kind by posting {@link TimelineEvents#ACTIVITY}. See docs/timeline.md.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.evergreencrm.api.timeline;
