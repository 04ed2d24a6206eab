package cn.hotline.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;

/** This replica's name, written as {@code claimed_by} on the work it takes (host and process unless configured). */
@ApplicationScoped
public class Replica {

    private final String name;

    public Replica(NotifyConfig config) {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        this.name = config.instanceId().filter(s -> !s.isBlank()).orElse(host + ":" + ProcessHandle.current().pid());
    }

    public String name() {
        return name;
    }
}
