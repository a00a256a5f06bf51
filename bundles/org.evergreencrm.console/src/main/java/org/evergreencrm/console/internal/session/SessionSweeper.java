package org.evergreencrm.console.internal.session;

import java.time.Duration;

import org.evergreencrm.api.schedule.RecurringTask;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every minute on the platform scheduler: expired console sessions are deleted and their live sockets closed. */
@Component(service = RecurringTask.class)
public final class SessionSweeper implements RecurringTask {
    private final JdbcWebSessions sessions;

    @Activate
    public SessionSweeper(@Reference JdbcWebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "console-session-sweeper";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        sessions.sweep();
    }
}
