package cn.hotline.sla.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.CalendarEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored calendars. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarEntity, String> {
}
