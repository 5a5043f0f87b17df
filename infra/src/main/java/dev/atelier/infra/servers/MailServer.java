package dev.atelier.infra.servers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A local mail server (GreenMail, in this process): SMTP takes every message for anyone, and each recipient gets a
 * mailbox on first delivery, read over IMAP with the address as both login and password. It keeps mail in memory
 * only.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail mail;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(GreenMail mail, int smtpPort, int imapPort) {
        this.mail = mail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort}, on the loopback address. */
    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        return new MailServer(mail, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received so far, in order. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    @Override
    public void close() {
        mail.stop();
    }
}
