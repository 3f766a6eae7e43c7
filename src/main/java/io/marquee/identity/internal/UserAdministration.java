package io.marquee.identity.internal;

import io.marquee.identity.UserDeactivated;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.events.SubscriptionTierChanged;
import io.marquee.platform.sql.Like;
import io.marquee.platform.web.Page;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an admin may do to accounts. */
@Service
class UserAdministration {

    /** {@code null} fields stay unchanged. */
    record UserChanges(Boolean isActive, Boolean isAdmin, String subscriptionTier) {}

    private final Users users;
    private final Profiles profiles;
    private final RefreshTokens refreshTokens;
    private final UserStatus userStatus;
    private final ApplicationEventPublisher events;

    UserAdministration(
            Users users,
            Profiles profiles,
            RefreshTokens refreshTokens,
            UserStatus userStatus,
            ApplicationEventPublisher events) {
        this.users = users;
        this.profiles = profiles;
        this.refreshTokens = refreshTokens;
        this.userStatus = userStatus;
        this.events = events;
    }

    Page<Users.AccountSummary> page(String emailContains, int page, int pageSize) {
        String pattern = Like.containing(emailContains == null ? null : emailContains.toLowerCase());
        return new Page<>(
                users.page(pattern, pageSize, Page.offset(page, pageSize)), users.count(pattern), page, pageSize);
    }

    /**
     * Deactivation revokes every sign-in and publishes {@link UserDeactivated}; the user's access tokens stop working
     * within the status cache TTL. A new tier publishes {@link SubscriptionTierChanged}, on which the entitlement
     * module moves the account's subscription to that tier's package. Admins cannot lock themselves out.
     */
    @Transactional
    Users.AccountSummary change(UUID adminId, UUID userId, UserChanges changes) {
        if (adminId.equals(userId)
                && (Boolean.FALSE.equals(changes.isActive()) || Boolean.FALSE.equals(changes.isAdmin()))) {
            throw new ConflictException("Admins cannot deactivate or demote themselves");
        }
        Users.Account before = users.lock(userId).orElseThrow(() -> new NotFoundException("User not found"));
        Users.Account after = users.update(userId, changes.isActive(), changes.isAdmin(), changes.subscriptionTier())
                .orElseThrow(() -> new NotFoundException("User not found"));
        if (!before.subscriptionTier().equals(after.subscriptionTier())) {
            events.publishEvent(new SubscriptionTierChanged(userId, after.subscriptionTier()));
        }
        if (before.isActive() && !after.isActive()) {
            refreshTokens.revokeAll(userId);
            events.publishEvent(new UserDeactivated(userId));
        }
        userStatus.forget(userId);
        return new Users.AccountSummary(
                after.id(),
                after.email(),
                after.subscriptionTier(),
                after.isAdmin(),
                after.isActive(),
                after.createdAt(),
                profiles.countOfUser(userId));
    }
}
