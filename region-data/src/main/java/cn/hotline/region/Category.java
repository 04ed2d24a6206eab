package cn.hotline.region;

/** One entry of the category catalogue (诉求分类): code, name and parent code (null at the top). */
public record Category(String code, String name, String parentCode) {
}
