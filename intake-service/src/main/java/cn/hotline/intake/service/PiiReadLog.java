package cn.hotline.intake.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.repository.PiiReadRepository;
import io.smallrye.mutiny.Uni;

/** Records every read that hands out a caller's full phone or ID number (留痕), in the reading request's transaction. */
@ApplicationScoped
public class PiiReadLog {

    private final PiiReadRepository reads;
    private final Clock clock;

    public PiiReadLog(PiiReadRepository reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code reader} was shown {@code tickets} with full numbers (when {@code fullPii}) through {@code purpose}. */
    public Uni<Integer> record(Collection<Ticket> tickets, ReaderScope reader, String purpose) {
        return reader.fullPii() ? record(tickets, reader.subject(), reader.role(), purpose, true, true) : Uni.createFrom().item(0);
    }

    /** As {@link #record(Collection, ReaderScope, String)}, for the numbers named: phone and/or ID number. */
    public Uni<Integer> record(Collection<Ticket> tickets, String reader, String role, String purpose, boolean phone, boolean idNumber) {
        List<PiiReadRepository.Read> rows = new ArrayList<>();
        for (Ticket t : tickets) {
            List<String> fields = new ArrayList<>();
            if (phone && t.callerPhone != null) {
                fields.add("phone");
            }
            if (idNumber && t.callerIdNumber != null) {
                fields.add("idNumber");
            }
            if (!fields.isEmpty()) {
                rows.add(new PiiReadRepository.Read(t.id, String.join(",", fields)));
            }
        }
        return reads.insert(rows, reader, role, purpose, clock.instant());
    }
}
