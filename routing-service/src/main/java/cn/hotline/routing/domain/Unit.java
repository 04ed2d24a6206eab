package cn.hotline.routing.domain;

import java.util.List;

/** An organisation unit: a department, a command centre, a town government, a village committee, ... */
public record Unit(String code, String name, String kind, TerritoryLevel level, String territoryCode,
        List<String> phones, String leaderId, List<String> contactIds) {
}
