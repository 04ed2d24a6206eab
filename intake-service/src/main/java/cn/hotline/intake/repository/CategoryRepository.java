package cn.hotline.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Category;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The category catalogue. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, String> {

    /** Inserts or updates one entry (the import is idempotent). */
    public Uni<Integer> upsert(String code, String name, String parentCode) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into category (code, name, parent_code)"
                        + " values (:code, :name, :parent) on conflict (code) do update"
                        + " set name = excluded.name, parent_code = excluded.parent_code")
                .setParameter("code", code).setParameter("name", name).setParameter("parent", parentCode)
                .executeUpdate());
    }
}
