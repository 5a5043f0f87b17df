package dev.atelier.platform.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.platform.notifications.model.NotificationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminders of bookings, as persistent one-time tasks of db-scheduler (table {@code platform.scheduled_tasks}): one
 * per booking and lead ({@link NotificationKind#REMINDER_LEADS}), due exactly that long before the visit, planned again
 * whenever the booking's confirmation, move or cancellation is handled: moved with the booking, dropped when it is
 * cancelled or the time has passed. A task runs once, on one instance; a failure is tried again later.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "atelier.notifications.enabled", havingValue = "true")
class BookingReminders {

    static final String TASK = "booking-reminder";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    BookingReminders(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    static OneTimeTask<Reminder> bookingReminder(ObjectProvider<BookingNotifications> notifications) {
        return Tasks.oneTime(TASK, Reminder.class).onFailureRetryLater()
                .execute((instance, context) -> notifications.getObject().remind(instance.getData()));
    }

    /**
     * Runs {@code reminder} again at {@code until} (the end of the customer's quiet hours), as an instance of its own
     * (the one running now ends); whatever happened to the booking meanwhile, it then sends nothing.
     */
    void hold(Reminder reminder, Instant until) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, reminder.instanceId() + ":held",
                reminder), until);
    }

    /**
     * Plans the reminders of booking {@code bookingId} starting at {@code start}: due when {@code standing} (confirmed)
     * and still ahead, else none.
     */
    void plan(String tenantSchema, UUID bookingId, Instant start, boolean standing) {
        SchedulerClient client = scheduler.getObject();
        Instant now = clock.instant();
        for (Duration lead : NotificationKind.REMINDER_LEADS) {
            Reminder reminder = new Reminder(tenantSchema, bookingId.toString(), Reminder.leadOf(lead), start);
            TaskInstanceId id = TaskInstanceId.of(TASK, reminder.instanceId());
            Instant due = start.minus(lead);
            boolean planned = client.getScheduledExecution(id).isPresent();
            if (!standing || !due.isAfter(now)) {
                if (planned) {
                    client.cancel(id);
                }
            } else if (planned) {
                client.reschedule(id, due, reminder);
            } else {
                client.scheduleIfNotExists(new TaskInstance<>(TASK, reminder.instanceId(), reminder), due);
            }
        }
    }
}
