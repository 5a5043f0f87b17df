package dev.atelier.storefront.pages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The pages' own words in the chain's language (Chinese for zh, English otherwise). */
record Labels(Map<String, String> texts, Map<String, String> days, Map<String, String> otherLanguage) {

    private static final Labels ENGLISH = new Labels(texts(
            "services", "Services and prices", "locations", "Our salons", "stylists", "Stylists", "minutes", "min",
            "map", "Map", "book", "Book now", "description", "Book online at %s",
            "myBookings", "My bookings", "signIn", "Sign in", "signOut", "Sign out", "register", "Register",
            "signedInAs", "Signed in as %s", "signInFailed", "Signing in did not work. Please try again.",
            "preview", "Preview of the theme being edited: not published yet.",
            "chooseSalon", "Choose a salon", "chooseServices", "Choose one or more services",
            "chooseStylist", "Choose a stylist", "anyStylist", "Any stylist", "chooseTime", "Choose a time",
            "continue", "Continue", "back", "Back", "step", "Step %d of 4", "noServicesChosen",
            "Please choose at least one service.", "noStylistForAll",
            "No single stylist does all of these; any stylist will be chosen for each.",
            "noTimes", "No free times on this day. Please try another day.", "earlier", "Earlier days",
            "later", "Later days", "confirmTitle", "Confirm your booking", "salon", "Salon", "when", "When",
            "stylist", "Stylist", "total", "Total", "payAtSalon", "You pay at the salon.",
            "note", "A note for the salon (optional)", "confirm", "Confirm booking", "slotTaken",
            "Sorry, this time was just taken or is no longer bookable. Please choose another time.",
            "chooseAnother", "Choose another time", "booked", "Your booking is confirmed.",
            "addToCalendar", "Add to calendar (.ics)", "status", "Status", "cancel", "Cancel booking",
            "reschedule", "Change time", "cancelPolicy",
            "Free cancellation until %s. After that, cancelling costs %d%% of the price.",
            "cancelFree", "Free cancellation until %s.", "moveUntil", "You can change the time until %s.",
            "cancelled", "This booking is cancelled.", "cancellationFee", "Cancellation fee", "upcoming",
            "Upcoming", "past", "Past and cancelled", "noBookings", "You have no bookings yet.",
            "moveTitle", "Choose a new time", "move", "Move to this time", "moved", "The booking has a new time.",
            "notAllowed", "This booking can no longer be changed online. Please call the salon.",
            "invalidChoice", "That choice is not available. Please start again.", "startAgain", "Start again",
            "CONFIRMED", "Confirmed", "CANCELLED", "Cancelled", "HELD", "Held", "EXPIRED", "Expired",
            "CHECKED_IN", "Checked in", "COMPLETED", "Completed", "NO_SHOW", "Missed", "PENDING_PAYMENT",
            "Awaiting payment", "bookingTitle", "Your booking", "deposit", "Deposit", "paid", "Paid", "refunded",
            "Refunded", "awaitingPayment", "A deposit of %s is due to confirm this booking.",
            "dueNow", "Due now", "dueAtSalon", "At the salon", "payWith", "Pay %s now with:",
            "noOnlinePayment",
            "This salon asks for payment ahead but cannot take it online right now. Please call the salon.",
            "method-card", "Card (Visa, Mastercard, UnionPay)", "method-alipay", "Alipay", "method-wechatpay",
            "WeChat Pay", "method-at-salon", "At the salon",
            "payTitle", "Pay %s to confirm", "payUntil", "We keep this time for you until %s.",
            "notPaid", "The payment was not completed. You can try again while the time is kept.",
            "payUnavailable", "The payment service could not be reached. Please try again in a moment.",
            "methodOff", "That way of paying is not available. Please choose another.",
            "paidNotice", "Payment received. Your booking is confirmed.",
            "waitingForProvider", "We are waiting for the payment service to confirm your payment.",
            "checkAgain", "Check again", "bookAgain", "Book a new time",
            "expiredUnpaid", "This time was not kept because the payment did not arrive in time.",
            "lateRefunded",
            "Your payment arrived after the time was given to someone else, so all of it has been refunded.",
            "moneyDue", "%s due", "moneyPaid", "%s paid", "moneyRefunded", "%s of %s refunded",
            "receipt", "Receipt", "bookingNumber", "Booking number", "payments", "Payments", "movement", "What",
            "method", "Paid by", "reference", "Reference", "amount", "Amount", "netPaid", "Paid in total",
            "entry-CHARGE", "Payment", "entry-REFUND", "Refund", "entry-FORFEIT", "Kept as a fee",
            "entry-PAID_AT_SALON", "Paid at the salon", "keptNote",
            "A fee kept under the cancellation policy is part of what you paid.",
            "scanTitle", "Scan to pay with WeChat Pay",
            "scanHow", "Open WeChat on your phone, tap Scan, and scan this code to pay %s.",
            "scanDone", "I have paid", "scanOpen", "Open the payment page",
            "wechatTitle", "Pay with WeChat Pay", "wechatHow", "WeChat asks you to confirm paying %s.",
            "wechatPay", "Pay %s", "wechatOutside",
            "Open this page in WeChat to pay here, or choose another way to pay.",
            "wechatOther", "Pay another way",
            "preferences", "Notifications", "preferencesTitle", "How we keep in touch",
            "channelsLegend", "Tell me about my bookings by", "channel-email", "Email", "channel-sms",
            "Text message (SMS)", "channel-wechat", "WeChat", "noChannel",
            "With no way chosen, you will not hear from us about your bookings.", "marketingLegend", "Offers",
            "marketingLabel", "Send me offers and news from %s. You can stop them at any time.",
            "quietLegend", "Quiet hours", "quietOn", "Hold reminders and offers during these hours",
            "quietFrom", "From", "quietTo", "Until", "quietZone", "Time zone",
            "quietNote", "Changes to a booking are sent straight away, whatever the time.", "save", "Save",
            "saved", "Your choices are saved.",
            "quietInvalid", "Quiet hours need a start and an end at different times. Please check them."),
            texts("MONDAY", "Mon", "TUESDAY", "Tue", "WEDNESDAY", "Wed", "THURSDAY", "Thu", "FRIDAY", "Fri",
                    "SATURDAY", "Sat", "SUNDAY", "Sun"),
            Map.of("tag", "zh-CN", "name", "中文"));

    private static final Labels CHINESE = new Labels(texts(
            "services", "服务与价格", "locations", "门店", "stylists", "发型师", "minutes", "分钟", "map", "查看地图",
            "book", "立即预约", "description", "%s 在线预约",
            "myBookings", "我的预约", "signIn", "登录", "signOut", "退出", "register", "注册", "signedInAs", "已登录：%s",
            "signInFailed", "登录未成功，请重试。", "preview", "正在编辑的主题预览：尚未发布。", "chooseSalon", "选择门店", "chooseServices",
            "选择一项或多项服务",
            "chooseStylist", "选择发型师", "anyStylist", "任意发型师", "chooseTime", "选择时间", "continue", "继续",
            "back", "返回", "step", "第 %d 步，共 4 步", "noServicesChosen", "请至少选择一项服务。", "noStylistForAll",
            "没有一位发型师能完成全部服务，将为每项服务安排发型师。", "noTimes", "当天没有空闲时间，请选择其他日期。",
            "earlier", "前几天", "later", "后几天", "confirmTitle", "确认预约", "salon", "门店", "when", "时间",
            "stylist", "发型师", "total", "合计", "payAtSalon", "到店付款。", "note", "给门店的留言（可选）",
            "confirm", "确认预约", "slotTaken", "抱歉，这个时间刚被预约或已不可预约，请选择其他时间。",
            "chooseAnother", "选择其他时间", "booked", "预约成功。", "addToCalendar", "添加到日历 (.ics)",
            "status", "状态", "cancel", "取消预约", "reschedule", "更改时间", "cancelPolicy",
            "%s 之前可免费取消，之后取消将收取价格的 %d%%。", "cancelFree", "%s 之前可免费取消。", "moveUntil",
            "%s 之前可以更改时间。", "cancelled", "此预约已取消。", "cancellationFee", "取消费用", "upcoming", "即将到来",
            "past", "过去与已取消", "noBookings", "您还没有预约。", "moveTitle", "选择新的时间", "move", "改到这个时间",
            "moved", "预约时间已更改。", "notAllowed", "此预约已不能在线更改，请致电门店。", "invalidChoice",
            "该选择不可用，请重新开始。", "startAgain", "重新开始", "CONFIRMED", "已确认", "CANCELLED", "已取消",
            "HELD", "保留中", "EXPIRED", "已过期", "CHECKED_IN", "已到店", "COMPLETED", "已完成", "NO_SHOW", "未到店",
            "PENDING_PAYMENT", "待付款", "bookingTitle", "我的预约详情", "deposit", "定金", "paid", "已付款", "refunded",
            "已退款", "awaitingPayment", "需支付定金 %s 以确认此预约。",
            "dueNow", "现在支付", "dueAtSalon", "到店支付", "payWith", "现在支付 %s，选择支付方式：",
            "noOnlinePayment", "本店需预付，但目前无法在线收款，请致电门店。",
            "method-card", "银行卡（Visa、Mastercard、银联）", "method-alipay", "支付宝", "method-wechatpay", "微信支付",
            "method-at-salon", "到店支付",
            "payTitle", "支付 %s 以确认预约", "payUntil", "此时间为您保留至 %s。",
            "notPaid", "付款未完成。在保留时间内可以重新支付。",
            "payUnavailable", "暂时无法连接支付服务，请稍后再试。",
            "methodOff", "该支付方式不可用，请选择其他方式。",
            "paidNotice", "已收到付款，预约已确认。",
            "waitingForProvider", "正在等待支付服务确认您的付款。",
            "checkAgain", "再次查询", "bookAgain", "重新预约",
            "expiredUnpaid", "由于未及时付款，此时间未能保留。",
            "lateRefunded", "您的付款到达时该时间已被他人预约，款项已全额退回。",
            "moneyDue", "待付 %s", "moneyPaid", "已付 %s", "moneyRefunded", "已退 %s（共付 %s）",
            "receipt", "收据", "bookingNumber", "预约编号", "payments", "付款记录", "movement", "类型",
            "method", "支付方式", "reference", "交易号", "amount", "金额", "netPaid", "实付合计",
            "entry-CHARGE", "付款", "entry-REFUND", "退款", "entry-FORFEIT", "按规定扣留的费用",
            "entry-PAID_AT_SALON", "到店付款", "keptNote", "按取消政策扣留的费用计入您的实付金额。",
            "scanTitle", "微信扫码支付", "scanHow", "打开手机微信，点击“扫一扫”，扫描此二维码支付 %s。",
            "scanDone", "我已支付", "scanOpen", "打开支付页面",
            "wechatTitle", "微信支付", "wechatHow", "微信将请您确认支付 %s。", "wechatPay", "支付 %s",
            "wechatOutside", "请在微信中打开此页面支付，或选择其他支付方式。", "wechatOther", "换一种方式支付",
            "preferences", "通知设置", "preferencesTitle", "联系方式", "channelsLegend", "通过以下方式通知我预约信息",
            "channel-email", "电子邮件", "channel-sms", "短信", "channel-wechat", "微信", "noChannel",
            "未选择任何方式时，您将不会收到预约通知。", "marketingLegend", "优惠信息",
            "marketingLabel", "接收 %s 的优惠和新闻，可随时取消。", "quietLegend", "免打扰时段",
            "quietOn", "在此时段内暂缓发送提醒和优惠", "quietFrom", "开始", "quietTo", "结束", "quietZone", "时区",
            "quietNote", "预约变更会立即通知，不受时段限制。", "save", "保存", "saved", "已保存您的设置。",
            "quietInvalid", "免打扰时段需要不同的开始和结束时间，请检查。"),
            texts("MONDAY", "周一", "TUESDAY", "周二", "WEDNESDAY", "周三", "THURSDAY", "周四", "FRIDAY", "周五",
                    "SATURDAY", "周六", "SUNDAY", "周日"),
            Map.of("tag", "en", "name", "English"));

    static Labels of(Locale locale) {
        return locale.getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    String day(String day) {
        return days.getOrDefault(day, day);
    }

    /** The text for {@code key}, with {@code arguments} put in. */
    String text(String key, Object... arguments) {
        return texts.get(key).formatted(arguments);
    }

    private static Map<String, String> texts(String... pairs) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            texts.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(texts);
    }
}
