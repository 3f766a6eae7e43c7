package io.marquee.viewing;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.MutableClock;
import io.marquee.support.RecordedEvents;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What every viewing test starts from: a fresh account with its first profile, the fixtures, the clock reset. */
abstract class ViewingTestBase {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordedEvents events;

    CatalogFixtures catalog;
    ViewingFixtures viewing;
    Account viewer;
    UUID profile;

    @BeforeEach
    void setUpViewer() {
        catalog = new CatalogFixtures(http, jdbc);
        viewing = new ViewingFixtures(http);
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
