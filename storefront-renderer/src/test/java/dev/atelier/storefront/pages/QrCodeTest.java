package dev.atelier.storefront.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.atelier.platform.payments.gateway.OrderRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    /** The drawn squares are exactly the code's dark modules, so any phone reads what ZXing encoded. */
    @Test
    void theDrawingHasExactlyTheCodesDarkModules() throws Exception {
        String code = "weixin://wxpay/bizpayurl?pr=AbCdEfG123";
        String svg = QrCode.svg(code, "Scan to pay");
        BitMatrix expected = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));

        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1));
        assertThat(width).isEqualTo(expected.getWidth());
        BitMatrix drawn = new BitMatrix(width, Integer.parseInt(size.group(2)));
        Matcher run = RUN.matcher(svg);
        int runs = 0;
        while (run.find()) {
            assertThat(run.group(3)).isEqualTo(run.group(4));
            drawn.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)),
                    Integer.parseInt(run.group(3)), 1);
            runs++;
        }
        assertThat(runs).isPositive();
        assertThat(drawn).isEqualTo(expected);
    }

    @Test
    void itsNameIsEscapedAndNothingElseComesFromOutside() {
        String svg = QrCode.svg("https://pay.example/\"<x>", "Scan <b>\"now\"</b> & pay");

        assertThat(svg).contains("aria-label=\"Scan &lt;b&gt;&quot;now&quot;&lt;/b&gt; &amp; pay\"")
                .doesNotContain("pay.example").doesNotContain("<b>");
    }

    @Test
    void theBrowserSaysWhereTheCustomerPaysFrom() {
        assertThat(Paying.channelOf(null)).isEqualTo(OrderRequest.Channel.DESKTOP);
        assertThat(Paying.channelOf("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0")).isEqualTo(
                OrderRequest.Channel.DESKTOP);
        assertThat(Paying.channelOf("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148"))
                .isEqualTo(OrderRequest.Channel.PHONE);
        assertThat(Paying.channelOf("Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"))
                .isEqualTo(OrderRequest.Channel.PHONE);
        assertThat(Paying.channelOf("Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50"))
                .isEqualTo(OrderRequest.Channel.IN_WECHAT);
    }
}
