package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketAwaitingFollowUp;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The citizen's SMS: acknowledgement with the progress link, completion with the survey, replies routed to intake
 * (a handler's "1" still signs), TD opt-out, quiet hours. intake is a contract stub on the test WireMock server.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class CitizenSmsTest extends NotifyTestBase {

    @ConfigProperty(name = "hotline.notify.citizen.progress-link-base")
    String linkBase;

    @Inject
    Pool pool;

    IntakeStub intake;

    @BeforeEach
    void intake() {
        intake = new IntakeStub(routing.wiremock());
        intake.optOutsAccepted();
    }

    /** One citizen's ticket: ids, number and the caller's phone. */
    record Case(String ticketId, String number, String phone, String dispatchId) {
        static Case fresh() {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            return new Case(UUID.randomUUID().toString(), "HZ20261123" + suffix, RoutingStub.phone(), "d-" + suffix);
        }
    }

    @Test
    void theAcknowledgementCarriesTheNumberAndTheProgressLink() {
        Case c = Case.fresh();
        String token = IntakeStub.token();
        intake.contact(c.ticketId(), c.number(), "ACCEPTED", c.phone(), false);
        intake.progressLink(c.ticketId(), token);
        EventProbe.publish(bootstrap, created(c, true));

        String text = (String) await().until(() -> smsc.to(c.phone()), l -> l.size() == 1).get(0).get("text");
        assertThat(text).contains("已受理").contains("工单号" + c.number()).contains(linkBase + token + " ").contains("回复TD退订");
        // The phone came from intake at send time (one call for the claim, asking a progress link for the
        // acknowledgement), with a service token (role "service").
        LoggedRequest call = routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.CONTACT_BATCHES))
                .withRequestBody(containing("{\"ticketId\":\"" + c.ticketId() + "\",\"progressLink\":true}"))).get(0);
        assertThat(groups(call.getHeader("Authorization"))).contains("\"service\"");
        Map<String, Object> row = await().until(() -> audit(c.ticketId()), l -> l.size() == 1).get(0);
        assertThat(row.get("recipientRole")).isEqualTo("CITIZEN");
        assertThat(row.get("templateCode")).isEqualTo("CITIZEN_ACK");
        assertThat(row.get("recipientPhone")).isEqualTo(c.phone().substring(0, 3) + "****" + c.phone().substring(7));

        // A replayed ticket.created adds nothing; a ticket without a caller phone is not even looked up.
        Case silent = Case.fresh();
        EventProbe.publish(bootstrap, created(silent, false));
        EventProbe.publish(bootstrap, created(c, true));
        Case later = Case.fresh();
        intake.contact(later.ticketId(), later.number(), "ACCEPTED", later.phone(), false);
        intake.progressLink(later.ticketId(), IntakeStub.token());
        EventProbe.publish(bootstrap, created(later, true));
        await().until(() -> smsc.to(later.phone()), l -> l.size() == 1);
        assertThat(smsc.to(c.phone())).hasSize(1);
        assertThat(routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.CONTACT_BATCHES))
                .withRequestBody(containing(silent.ticketId())))).isEmpty();
        assertThat(messages(silent.ticketId())).isEmpty();
    }

    @Test
    void completionInvitesTheSurveyAndEachReplyDigitHalfOrFullWidthIsRecordedAtIntake() {
        // reply text → the satisfaction intake must record and the word the thank-you SMS repeats
        Map<String, List<String>> replies = Map.of("2", List.of("BASICALLY_SATISFIED", "基本满意"),
                "２", List.of("BASICALLY_SATISFIED", "基本满意"), "3", List.of("UNSATISFIED", "不满意"),
                "３", List.of("UNSATISFIED", "不满意"));
        Map<String, Case> cases = new java.util.LinkedHashMap<>();
        replies.keySet().forEach(reply -> cases.put(reply, Case.fresh()));
        for (Case c : cases.values()) {
            intake.contact(c.ticketId(), c.number(), "AWAITING_FOLLOWUP", c.phone(), false);
            intake.surveyAccepted(c.ticketId(), c.number());
            EventProbe.publish(bootstrap, awaiting(c));
        }
        for (Case c : cases.values()) {
            String text = (String) await().until(() -> smsc.to(c.phone()), l -> l.size() == 1).get(0).get("text");
            assertThat(text).contains("工单" + c.number()).contains("已办理完毕").contains("回复1满意，2基本满意，3不满意");
            await().until(() -> audit(c.ticketId()), l -> l.size() == 1 && List.of("SENT", "DELIVERED").contains(l.get(0).get("status")));
        }

        cases.forEach((reply, c) -> smsc.mo(c.phone(), reply));

        cases.forEach((reply, c) -> {
            String satisfaction = replies.get(reply).get(0);
            await().until(() -> routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.surveyPath(c.ticketId())))
                    .withRequestBody(equalToJson("{\"phone\":\"" + c.phone() + "\",\"satisfaction\":\"" + satisfaction + "\"}"))),
                    l -> l.size() == 1);
            await().until(() -> texts(smsc.to(c.phone())), l -> l.stream().anyMatch(s -> s.contains("感谢您对工单" + c.number()
                    + "的评价（" + replies.get(reply).get(1) + "）")));
            // No reply was taken for a sign.
            assertThat(routing.wiremock().find(postRequestedFor(urlEqualTo("/api/v1/dispatches/" + c.dispatchId() + "/sign-by-reply"))))
                    .isEmpty();
        });
    }

    @Test
    void aHandlersOneStillSignsWhileACitizensOneAnswersTheSurvey() {
        String unit = id("U");
        String handler = id("p");
        String handlerPhone = RoutingStub.phone();
        routing.person(handler, handlerPhone, unit, "handler");
        Ticket dispatch = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        routing.signAccepted(dispatch.dispatchId());
        Case citizen = Case.fresh();
        intake.contact(citizen.ticketId(), citizen.number(), "AWAITING_FOLLOWUP", citizen.phone(), false);
        intake.surveyAccepted(citizen.ticketId(), citizen.number());
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, dispatch, TestClock.get().instant(), null));
        EventProbe.publish(bootstrap, awaiting(citizen));
        await().until(() -> smsc.to(handlerPhone), l -> l.size() == 1);
        await().until(() -> smsc.to(citizen.phone()), l -> l.size() == 1);
        await().until(() -> audit(citizen.ticketId()), l -> l.size() == 1 && List.of("SENT", "DELIVERED").contains(l.get(0).get("status")));

        smsc.mo(handlerPhone, "1");
        smsc.mo(citizen.phone(), "1");

        await().until(() -> routing.wiremock().find(postRequestedFor(urlEqualTo("/api/v1/dispatches/" + dispatch.dispatchId() + "/sign-by-reply"))),
                l -> l.size() == 1);
        await().until(() -> texts(smsc.to(handlerPhone)), l -> l.stream().anyMatch(s -> s.contains("已为您签收工单" + dispatch.number())));
        await().until(() -> routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.surveyPath(citizen.ticketId())))
                .withRequestBody(equalToJson("{\"phone\":\"" + citizen.phone() + "\",\"satisfaction\":\"SATISFIED\"}"))), l -> l.size() == 1);
        assertThat(routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.surveyPath(dispatch.ticketId()))))).isEmpty();
        // Text a citizen's survey cannot read gets the choices, and is not sent to intake.
        smsc.mo(citizen.phone(), "很好");
        await().until(() -> texts(smsc.to(citizen.phone())), l -> l.stream().anyMatch(s -> s.contains("请回复数字评价工单" + citizen.number())));
        assertThat(routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.surveyPath(citizen.ticketId()))))).hasSize(1);
    }

    @Test
    void anOptedOutCallerGetsNoSms() {
        Case atIntake = Case.fresh();
        intake.contact(atIntake.ticketId(), atIntake.number(), "ACCEPTED", atIntake.phone(), true);
        EventProbe.publish(bootstrap, created(atIntake, true));
        await().until(() -> messages(atIntake.ticketId()), l -> l.equals(List.of("SKIPPED:opted out")));

        Case byReply = Case.fresh();
        intake.contact(byReply.ticketId(), byReply.number(), "ACCEPTED", byReply.phone(), false);
        intake.progressLink(byReply.ticketId(), IntakeStub.token());
        EventProbe.publish(bootstrap, created(byReply, true));
        await().until(() -> smsc.to(byReply.phone()), l -> l.size() == 1);

        smsc.mo(byReply.phone(), "ｔｄ");
        await().until(() -> routing.wiremock().find(postRequestedFor(urlEqualTo(IntakeStub.OPT_OUTS))
                .withRequestBody(equalToJson("{\"phone\":\"" + byReply.phone() + "\"}"))), l -> l.size() == 1);
        // intake now answers opted out: the completion SMS is not sent.
        intake.contact(byReply.ticketId(), byReply.number(), "AWAITING_FOLLOWUP", byReply.phone(), true);
        EventProbe.publish(bootstrap, awaiting(byReply));
        await().until(() -> messages(byReply.ticketId()), l -> l.contains("SKIPPED:opted out"));
        assertThat(smsc.to(byReply.phone())).as("no confirmation, no survey").hasSize(1);
        assertThat(smsc.to(atIntake.phone())).isEmpty();
    }

    @Test
    void quietHoursHoldCitizenSmsUntilMorningAndTdCancelsWhatIsHeld() {
        TestClock.get().set(Instant.parse("2026-11-23T15:30:00Z")); // 23:30 in Asia/Shanghai
        Case night = Case.fresh();
        Case quitter = Case.fresh();
        for (Case c : List.of(night, quitter)) {
            intake.contact(c.ticketId(), c.number(), "ACCEPTED", c.phone(), false);
            intake.progressLink(c.ticketId(), IntakeStub.token());
            EventProbe.publish(bootstrap, created(c, true));
        }
        for (Case c : List.of(night, quitter)) {
            Map<String, Object> held = await().until(() -> audit(c.ticketId()),
                    l -> l.size() == 1 && "DEFERRED".equals(l.get(0).get("status"))).get(0);
            assertThat(held.get("error")).isEqualTo("quiet hours");
            assertThat(held.get("nextAttemptAt")).isEqualTo("2026-11-23T23:00:00Z"); // 07:00 in Asia/Shanghai
        }
        smsc.mo(quitter.phone(), "退订");
        await().until(() -> audit(quitter.ticketId()), l -> "CANCELLED".equals(l.get(0).get("status")));
        assertThat(smsc.to(night.phone())).isEmpty();

        TestClock.get().set(Instant.parse("2026-11-23T23:01:00Z"));
        await().until(() -> smsc.to(night.phone()), l -> l.size() == 1);
        assertThat((String) smsc.to(night.phone()).get(0).get("text")).contains(night.number());
        assertThat(smsc.to(quitter.phone())).isEmpty();
    }

    private static CloudEvent created(Case c, boolean withPhone) {
        TicketCreated payload = new TicketCreated(TicketCreated.SCHEMA_VERSION, c.ticketId(), c.number(), "PHONE", "COMPLAINT",
                "NORMAL", "0202", "噪声扰民", "楼上噪声扰民", new TerritoryRef("330523", null, null, "POLYGON"), 30.6, 119.68,
                "安吉县递铺街道", List.of(), withPhone ? c.phone().substring(0, 3) + "****" + c.phone().substring(7) : null,
                TestClock.get().instant(), TestClock.get().instant());
        return new CloudEvent("intake:" + c.ticketId() + ":created", "/hotline/intake-service", EventTypes.TICKET_CREATED,
                c.ticketId(), TestClock.get().instant(), EventCodec.encode(payload));
    }

    private static CloudEvent awaiting(Case c) {
        TicketAwaitingFollowUp payload = new TicketAwaitingFollowUp(TicketAwaitingFollowUp.SCHEMA_VERSION, c.ticketId(),
                c.number(), "NORMAL", "COMPLAINT", "0202", new TerritoryRef("330523", null, null, "POLYGON"), c.dispatchId(),
                TestClock.get().instant());
        return new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service", EventTypes.TICKET_AWAITING_FOLLOW_UP,
                c.ticketId(), TestClock.get().instant(), EventCodec.encode(payload));
    }

    /** The ticket's citizen messages as {@code STATUS:outcome} (SKIPPED ones never reach the audit). */
    private List<String> messages(String ticketId) {
        List<String> out = new java.util.ArrayList<>();
        for (Row r : pool.preparedQuery("select status, outcome from citizen_message where ticket_id = $1 order by created_at")
                .execute(Tuple.of(ticketId)).await().indefinitely()) {
            out.add(r.getString("status") + ("DONE".equals(r.getString("status")) ? "" : ":" + r.getString("outcome")));
        }
        return out;
    }

    private static String groups(String authorization) {
        String jwt = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
