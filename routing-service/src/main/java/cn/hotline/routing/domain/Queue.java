package cn.hotline.routing.domain;

/** Whether a dispatch was placed automatically or waits for / was placed by a dispatcher. */
public enum Queue {
    AUTO, MANUAL
}
