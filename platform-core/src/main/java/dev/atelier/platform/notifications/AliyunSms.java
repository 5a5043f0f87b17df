package dev.atelier.platform.notifications;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.teaopenapi.models.Config;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.atelier.platform.notifications.model.NotificationKind;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts to mainland China through Aliyun SMS (SendSms, the dysmsapi SDK): a text there must be one of the account's
 * approved templates ({@code atelier.notifications.sms.aliyun.templates.<kind>}, e.g. {@code booking-confirmed}) with
 * its fields, signed with the chain's name. Its endpoint and protocol may be moved (the local fake); connections and
 * answers are bounded in time. On when {@code atelier.notifications.sms.aliyun.access-key-id} is set.
 */
@Component
@ConditionalOnProperty(name = "atelier.notifications.sms.aliyun.access-key-id")
class AliyunSms implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Client client;
    private final Environment environment;

    AliyunSms(@Value("${atelier.notifications.sms.aliyun.access-key-id}") String accessKeyId,
            @Value("${atelier.notifications.sms.aliyun.access-key-secret}") String accessKeySecret,
            @Value("${atelier.notifications.sms.aliyun.endpoint:dysmsapi.aliyuncs.com}") String endpoint,
            @Value("${atelier.notifications.sms.aliyun.protocol:HTTPS}") String protocol, Environment environment)
            throws Exception {
        this.client = new Client(new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret)
                .setEndpoint(endpoint).setProtocol(protocol).setRegionId("cn-hangzhou").setConnectTimeout(5_000)
                .setReadTimeout(10_000));
        this.environment = environment;
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public boolean reaches(PhoneNumber to) {
        return to.getCountryCode() == 86;
    }

    @Override
    public String send(TextMessage message) {
        String template = template(message.kind());
        SendSmsResponseBody answer;
        try {
            answer = client.sendSms(new SendSmsRequest().setPhoneNumbers(message.to().replaceFirst("^\\+86", ""))
                    .setSignName(message.senderName()).setTemplateCode(template)
                    .setTemplateParam(JSON.writeValueAsString(Map.copyOf(message.fields())))).getBody();
        } catch (Exception unreachable) {
            throw new SmsNotSentException("Aliyun SMS could not be reached: " + unreachable.getMessage(),
                    unreachable);
        }
        if (answer == null || !"OK".equals(answer.getCode())) {
            throw new SmsNotSentException("Aliyun SMS refused the text (" + (answer == null
                    ? "no answer"
                    : answer.getCode() + ": " + answer.getMessage()) + ")", null);
        }
        return answer.getBizId();
    }

    /** The approved template of {@code kind}, as configured (by default its name, e.g. SMS_BOOKING_CONFIRMED). */
    private String template(NotificationKind kind) {
        String key = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return environment.getProperty("atelier.notifications.sms.aliyun.templates." + key, "SMS_" + kind.name());
    }
}
