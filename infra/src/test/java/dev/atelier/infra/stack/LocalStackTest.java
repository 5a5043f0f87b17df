package dev.atelier.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.infra.payments.GatewayFakes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path root;

    @Test
    void missingAppJarsSayHowToBuildThemBeforeAnythingStarts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(StackOptions.parse(root, List.of()), new PrintStream(out));

        assertThatThrownBy(stack::start)
                .isInstanceOf(StackException.class)
                .hasMessageContaining("storefront-renderer/target/storefront-renderer-0.1.0.jar")
                .hasMessageContaining("billing/target/billing-0.1.0.jar")
                .hasMessageContaining("./atelier up (it builds first)");
        assertThat(out.toString()).isEmpty();
        assertThat(root.resolve(".atelier")).doesNotExist();
    }

    @Test
    void theAppsAndTheirPortsAreTheContractOnes() {
        assertThat(LocalStack.APPS).extracting(LocalStack.App::module, LocalStack.App::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("storefront-renderer", 8080),
                org.assertj.core.groups.Tuple.tuple("tenant-portal", 8081),
                org.assertj.core.groups.Tuple.tuple("search-indexer", 8082),
                org.assertj.core.groups.Tuple.tuple("billing", 8083));
        assertThat(LocalStack.APPS).extracting(LocalStack.App::managementPort).containsExactly(9080, 9081, 9082,
                9083);
        assertThat(LocalStack.APPS).filteredOn(app -> app.arguments().contains("--atelier.demo.enabled=true"))
                .extracting(LocalStack.App::module).containsExactly("tenant-portal");
    }

    @Test
    void everyAppIsPointedAtThePaymentFakesAndThePortalSeedsWithTheirKeys() {
        assertThat(LocalStack.PAYMENT_FAKES_PORT).isEqualTo(8090);
        Path merchants = root.resolve("merchants.json");
        try (GatewayFakes fakes = GatewayFakes.start(0, (Path) null, LocalStack.STRIPE_WEBHOOK,
                java.time.Clock.systemUTC())) {
            for (LocalStack.App app : LocalStack.APPS) {
                List<String> arguments = LocalStack.paymentArguments(app, fakes, merchants);
                assertThat(arguments).as(app.module()).contains(
                        "--atelier.payments.stripe.api-base=" + fakes.baseUrl() + "/stripe",
                        "--atelier.payments.stripe.secret-key=" + fakes.keys().stripe().secretKey(),
                        "--atelier.payments.stripe.webhook-secret=" + fakes.keys().stripe().webhookSecret(),
                        "--atelier.payments.alipay.server-url=" + fakes.baseUrl() + "/alipay/gateway.do",
                        "--atelier.payments.wechatpay.api-base=" + fakes.baseUrl() + "/wechatpay");
                assertThat(arguments.contains("--atelier.demo.payment-keys=" + merchants)).as(app.module())
                        .isEqualTo(app.module().equals("tenant-portal"));
            }
        }
    }

    @Test
    void theAppThatSendsNotificationsIsPointedAtTheSmsFakes() {
        assertThat(LocalStack.SMS_FAKES_PORT).isEqualTo(8091);
        try (dev.atelier.infra.sms.SmsFakes fakes = dev.atelier.infra.sms.SmsFakes.start(0,
                java.time.Clock.systemUTC())) {
            for (LocalStack.App app : LocalStack.APPS) {
                List<String> arguments = LocalStack.smsArguments(app, fakes);
                if (app.module().equals("tenant-portal")) {
                    assertThat(arguments).contains("--atelier.notifications.sms.twilio.api-base=" + fakes.baseUrl()
                            + "/twilio", "--atelier.notifications.sms.aliyun.endpoint=localhost:" + fakes.port(),
                            "--atelier.notifications.sms.aliyun.protocol=HTTP");
                } else {
                    assertThat(arguments).as(app.module() + " sends no notifications").isEmpty();
                }
            }
        }
    }
}
