package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.hotline.notify.domain.CitizenMessageStatus;
import cn.hotline.notify.domain.InboundStatus;
import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.NotificationStatus;
import cn.hotline.notify.domain.StateTable;

/** Every pair of states of every message table: the allowed moves are exactly these, every other one is refused. */
class MessageTransitionsTest {

    @Test
    void notification() {
        enumerate(MessageTransitions.NOTIFICATION, NotificationStatus.class, Map.of(
                NotificationStatus.PENDING, Set.of(NotificationStatus.SENT, NotificationStatus.DEFERRED,
                        NotificationStatus.FAILED, NotificationStatus.CANCELLED),
                NotificationStatus.DEFERRED, Set.of(NotificationStatus.PENDING, NotificationStatus.SENT,
                        NotificationStatus.DEFERRED, NotificationStatus.FAILED, NotificationStatus.CANCELLED),
                NotificationStatus.SENT, Set.of(NotificationStatus.DELIVERED, NotificationStatus.FAILED)));
    }

    @Test
    void ladderLevel() {
        enumerate(MessageTransitions.LEVEL, LevelStatus.class,
                Map.of(LevelStatus.PENDING, Set.of(LevelStatus.FIRED, LevelStatus.CANCELLED)));
    }

    @Test
    void inboundSms() {
        enumerate(MessageTransitions.INBOUND, InboundStatus.class,
                Map.of(InboundStatus.RECEIVED, Set.of(InboundStatus.PROCESSED)));
    }

    @Test
    void citizenMessage() {
        enumerate(MessageTransitions.CITIZEN, CitizenMessageStatus.class, Map.of(CitizenMessageStatus.PENDING,
                Set.of(CitizenMessageStatus.DONE, CitizenMessageStatus.SKIPPED, CitizenMessageStatus.FAILED)));
    }

    @Test
    void theSetBasedUpdatesMoveOnlyFromStatesTheTableAllows() {
        for (NotificationStatus from : MessageTransitions.CANCELLABLE) {
            assertThat(MessageTransitions.NOTIFICATION.allows(from, NotificationStatus.CANCELLED)).isTrue();
        }
        assertThat(MessageTransitions.NOTIFICATION.allows(MessageTransitions.RETRY_DUE, NotificationStatus.PENDING)).isTrue();
        assertThat(MessageTransitions.LEVEL.sources(LevelStatus.CANCELLED)).containsExactly(LevelStatus.PENDING);
        assertThat(MessageTransitions.LEVEL.sources(LevelStatus.FIRED)).containsExactly(LevelStatus.PENDING);
        assertThat(MessageTransitions.CITIZEN.sources(CitizenMessageStatus.SKIPPED)).containsExactly(CitizenMessageStatus.PENDING);
        assertThat(MessageTransitions.NOTIFICATION.sources(NotificationStatus.DELIVERED)).containsExactly(NotificationStatus.SENT);
    }

    private static <S extends Enum<S>> void enumerate(StateTable<S> table, Class<S> type, Map<S, Set<S>> allowed) {
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                boolean expected = allowed.getOrDefault(from, Set.of()).contains(to);
                assertThat(table.allows(from, to)).as(from + " → " + to).isEqualTo(expected);
                if (expected || from == to) {
                    assertThat(table.move("row", from, to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> table.move("row", from, to)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from + " to " + to);
                }
                assertThat(table.sources(to).contains(from)).isEqualTo(expected);
            }
        }
        assertThat(EnumSet.allOf(type)).containsAll(allowed.keySet());
    }
}
