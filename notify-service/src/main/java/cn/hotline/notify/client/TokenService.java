package cn.hotline.notify.client;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.Person;
import cn.hotline.support.security.Roles;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints the short-lived JWTs notify calls with: its own for routing (directory reads), its own for intake (role
 * {@code service}: citizen contacts) and a handler's (sign by SMS).
 */
@ApplicationScoped
public class TokenService {

    private final NotifyConfig config;
    private volatile String serviceToken;
    private volatile Instant serviceTokenRenewAt = Instant.MIN;
    private volatile String intakeToken;
    private volatile Instant intakeTokenRenewAt = Instant.MIN;

    public TokenService(NotifyConfig config) {
        this.config = config;
    }

    /** {@code Bearer ...} for notify-service itself, renewed at half its lifetime (wall time: verifiers use it too). */
    public String service() {
        Instant now = Instant.now();
        if (serviceToken == null || now.isAfter(serviceTokenRenewAt)) {
            serviceToken = "Bearer " + Jwt.subject(config.tokens().serviceSubject())
                    .groups(Set.of(config.tokens().serviceRole()))
                    .expiresIn(config.tokens().lifetime().toSeconds()).sign();
            serviceTokenRenewAt = now.plus(config.tokens().lifetime().dividedBy(2));
        }
        return serviceToken;
    }

    /** {@code Bearer ...} for notify-service calling intake, with the service role intake's citizen endpoints require. */
    public String intake() {
        Instant now = Instant.now();
        if (intakeToken == null || now.isAfter(intakeTokenRenewAt)) {
            intakeToken = "Bearer " + Jwt.subject(config.tokens().serviceSubject())
                    .groups(Set.of(config.citizen().intakeRole()))
                    .expiresIn(config.tokens().lifetime().toSeconds()).sign();
            intakeTokenRenewAt = now.plus(config.tokens().lifetime().dividedBy(2));
        }
        return intakeToken;
    }

    /** {@code Bearer ...} acting as the handler: sub = personId, groups = [handler], unit = their unit. */
    public String handler(Person person) {
        return "Bearer " + Jwt.subject(person.personId()).upn(person.personId()).groups(Set.of(Roles.HANDLER))
                .claim(Roles.UNIT_CLAIM, person.unitCode())
                .expiresIn(config.tokens().lifetime().toSeconds()).sign();
    }
}
