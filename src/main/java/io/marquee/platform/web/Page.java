package io.marquee.platform.web;

import java.util.List;

/** Every paged list answer: {@code {items, total, page, page_size}}; pages count from 1. */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    /** Rows to skip before this page. */
    public static long offset(int page, int pageSize) {
        return (long) (page - 1) * pageSize;
    }
}
