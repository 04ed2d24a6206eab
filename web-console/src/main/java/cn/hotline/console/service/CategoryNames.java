package cn.hotline.console.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.mapping.Views.Category;
import io.smallrye.mutiny.Uni;

/** intake's category catalogue (the one owner of categories), read at most once a minute. */
@ApplicationScoped
public class CategoryNames {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private record Snapshot(List<Category> list, Map<String, Category> byCode, Instant readAt) {
    }

    private final IntakeClient intake;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public CategoryNames(@RestClient IntakeClient intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    public Uni<List<Category>> all(String bearer) {
        Snapshot s = snapshot.get();
        if (s != null && s.readAt().plus(FRESH).isAfter(clock.instant())) {
            return Uni.createFrom().item(s.list());
        }
        return intake.categories(bearer).map(list -> {
            snapshot.set(new Snapshot(list, list.stream().collect(Collectors.toMap(Category::code, Function.identity(),
                    (a, b) -> a)), clock.instant()));
            return list;
        }).onFailure().recoverWithItem(failure -> s == null ? List.of() : s.list());
    }

    /** The name of {@code code} with its parent, e.g. "城市管理 / 噪声扰民"; the code itself when unknown. */
    public String name(String code) {
        Snapshot s = snapshot.get();
        if (code == null) {
            return "";
        }
        Category c = s == null ? null : s.byCode().get(code);
        if (c == null) {
            return code;
        }
        Category parent = c.parentCode() == null ? null : s.byCode().get(c.parentCode());
        return parent == null ? c.name() : parent.name() + " / " + c.name();
    }
}
