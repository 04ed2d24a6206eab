package cn.hotline.notify.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.MessagePart;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** SMPP part message ids → notification. */
@ApplicationScoped
public class MessagePartRepository implements PanacheRepositoryBase<MessagePart, String> {
}
