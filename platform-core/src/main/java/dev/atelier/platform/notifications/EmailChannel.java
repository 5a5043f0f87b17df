package dev.atelier.platform.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail): a message in text and HTML from the chain's brand name at the platform's sending
 * address, with a calendar entry attached when there is one. Its Message-ID is made from the notification's id, so a
 * mail server or client that sees it twice can tell.
 */
@Component
class EmailChannel {

    /** One email: to whom, its words, and an optional {@code .ics} (its iTIP method: REQUEST or CANCEL). */
    record Email(String notificationId, String to, String fromName, String subject, String text, String html,
            String calendar, String calendarMethod) {
    }

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail,
            @Value("${atelier.notifications.email.from:no-reply@atelier.localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void send(Email email) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new IdentifiedMessage(mail.createMimeMessage(), email.notificationId(), from);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from, email.fromName(), StandardCharsets.UTF_8.name()));
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        if (email.calendar() != null) {
            helper.addAttachment("booking.ics",
                    new ByteArrayResource(email.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + email.calendarMethod());
        }
        mail.send(message);
    }

    /** A message whose Message-ID is the notification's. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(MimeMessage template, String notificationId, String from) throws MessagingException {
            super(template.getSession());
            this.id = "<" + notificationId + "@" + from.substring(from.indexOf('@') + 1) + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
