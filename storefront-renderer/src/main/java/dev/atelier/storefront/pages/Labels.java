package dev.atelier.storefront.pages;

import java.util.Locale;
import java.util.Map;

/** The pages' own words in the chain's language (Chinese for zh, English otherwise). */
record Labels(Map<String, String> texts, Map<String, String> days, Map<String, String> otherLanguage) {

    static Labels of(Locale locale) {
        if (locale.getLanguage().equals("zh")) {
            return new Labels(Map.of("services", "服务与价格", "locations", "门店", "stylists", "发型师", "minutes",
                    "分钟", "map", "查看地图", "book", "预约", "description", "%s 在线预约"),
                    Map.of("MONDAY", "周一", "TUESDAY", "周二", "WEDNESDAY", "周三", "THURSDAY", "周四", "FRIDAY",
                            "周五", "SATURDAY", "周六", "SUNDAY", "周日"),
                    Map.of("tag", "en", "name", "English"));
        }
        return new Labels(Map.of("services", "Services and prices", "locations", "Our salons", "stylists",
                "Stylists", "minutes", "min", "map", "Map", "book", "Book", "description", "Book online at %s"),
                Map.of("MONDAY", "Mon", "TUESDAY", "Tue", "WEDNESDAY", "Wed", "THURSDAY", "Thu", "FRIDAY", "Fri",
                        "SATURDAY", "Sat", "SUNDAY", "Sun"),
                Map.of("tag", "zh-CN", "name", "中文"));
    }

    String day(String day) {
        return days.getOrDefault(day, day);
    }
}
