package cn.hotline.intake.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Ticket;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Tickets in PostgreSQL. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    public Uni<Ticket> findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
