package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.test.JiaoyunTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's exclusive work (recomputing and publishing its figures) for one bureau and key runs
 * one after the other; another key, bureau or module does not wait for it.
 */
@JiaoyunTest
class ExclusiveModuleWorkTest {

    private static final BureauRef SHAOXING = new BureauRef("shaoxing", "绍兴市交通运输局", "330600");
    private static final BureauRef ZHUJI = new BureauRef("zhuji", "诸暨市交通运输局", "330681");

    @Inject
    TenantTransactions tx;

    @Test
    void workUnderOneKeyOfOneBureauFollowsTheWorkBeforeIt() throws Exception {
        HostModuleData data = new HostModuleData(tx, "notes");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> data.inBureauExclusively(SHAOXING, "indicators", sql -> {
            holding.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        CountDownLatch secondEntered = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> data.inBureauExclusively(SHAOXING, "indicators", sql -> {
            secondEntered.countDown();
            return null;
        }));
        // other keys, bureaus and modules go on while the first holds its lock
        data.inBureauExclusively(SHAOXING, "another", sql -> null);
        data.inBureauExclusively(ZHUJI, "indicators", sql -> null);
        new HostModuleData(tx, "echo").inBureauExclusively(SHAOXING, "indicators", sql -> null);
        assertThat(secondEntered.await(1, TimeUnit.SECONDS)).as("the same key waits for the first").isFalse();

        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(secondEntered.await(30, TimeUnit.SECONDS)).as("and runs once it is done").isTrue();
        second.get(30, TimeUnit.SECONDS);
    }
}
