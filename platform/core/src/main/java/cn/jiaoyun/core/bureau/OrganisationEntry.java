package cn.jiaoyun.core.bureau;

import io.micronaut.core.annotation.Nullable;

/** What a unit and a department share as places of the bureau's organisation. */
public interface OrganisationEntry {

    @Nullable
    Long id();

    /** Stable key: the one of {@code tenant.yaml}, or generated for an entry made in the product. */
    String code();

    String name();

    @Nullable
    String shortName();

    /** Place in the bureau's lists, from 1. */
    int sortOrder();

    /** False once deactivated: kept for the work that refers to it, offered for nothing new. */
    boolean active();
}
