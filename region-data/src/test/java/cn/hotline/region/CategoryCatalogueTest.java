package cn.hotline.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CategoryCatalogueTest {

    private final CategoryCatalogue region = CategoryCatalogue.region();

    @Test
    void theRegionsCatalogueIsReadOnceFromItsCsv() {
        assertThat(region.size()).isEqualTo(64);
        assertThat(region.name("020201")).isEqualTo("施工噪声");
        assertThat(region.chain("020201")).extracting(Category::code).containsExactly("020201", "0202", "02");
    }

    @Test
    void anUnknownOrMissingCodeIsNamedHonestly() {
        assertThat(region.name("999999")).isEqualTo("999999");
        assertThat(region.name(null)).isEqualTo("未分类");
        assertThat(region.name(" ")).isEqualTo("未分类");
        assertThat(region.chain("999999")).isEmpty();
        assertThat(region.find(null)).isEmpty();
    }

    @Test
    void changesAddAndReplaceWithoutTouchingTheOriginal() {
        CategoryCatalogue changed = region.with(List.of(new Category("029901", "共享单车乱停放", "02"),
                new Category("0202", "噪声污染", "02")));
        assertThat(changed.chain("029901")).extracting(Category::name).containsExactly("共享单车乱停放", "城市管理");
        assertThat(changed.name("0202")).isEqualTo("噪声污染");
        assertThat(changed.size()).isEqualTo(65);
        assertThat(region.find("029901")).isEmpty();
        assertThat(region.name("0202")).isEqualTo("噪声扰民");
    }

    @Test
    void aParentCycleDoesNotLoopForever() {
        CategoryCatalogue cyclic = CategoryCatalogue.of(List.of(new Category("a", "A", "b"), new Category("b", "B", "a")));
        assertThat(cyclic.chain("a")).extracting(Category::code).containsExactly("a", "b");
    }
}
