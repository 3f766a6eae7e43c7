package io.marquee.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code profile_id} that must belong to the signed-in user (plan 1.2). Put it on
 *
 * <ul>
 *   <li>a {@code UUID} controller parameter that also has {@code @RequestParam} or {@code @PathVariable}: checked
 *       before the handler runs, e.g. {@code @VerifiedProfile @RequestParam("profile_id") UUID profileId};
 *   <li>a {@code UUID} component of a {@code @RequestBody} record: checked right after the body is read.
 * </ul>
 *
 * An unknown or foreign profile is answered 403 "Profile not found or access denied", the same for both so that ids
 * cannot be probed. An absent optional value is not checked; a malformed one is left to Spring's conversion (422).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface VerifiedProfile {}
