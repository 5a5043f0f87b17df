package dev.atelier.platform.notifications.model;

/** How a notification reaches a customer. */
public enum Channel {
    EMAIL,
    SMS,
    WECHAT
}
