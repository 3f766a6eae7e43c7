package io.marquee.identity.internal;

import io.marquee.identity.VerifiedProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies {@link VerifiedProfile}: as an interceptor for query and path parameters (before the handler runs) and as
 * a request-body advice for record components (right after the body is read).
 */
@ControllerAdvice
class VerifiedProfileChecks extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    private final ProfileOwnership ownership;
    private final Map<Class<?>, List<Method>> verifiedComponents = new ConcurrentHashMap<>();

    VerifiedProfileChecks(ProfileOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(VerifiedProfile.class)) {
                    UUID profileId = parse(rawValue(request, parameter));
                    if (profileId != null) {
                        ownership.verify(profileId);
                    }
                }
            }
        }
        return true;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && !components(type).isEmpty();
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        for (Method accessor : components(body.getClass())) {
            try {
                if (accessor.invoke(body) instanceof UUID profileId) {
                    ownership.verify(profileId);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
        }
        return body;
    }

    /** Request records are usually package-private, so their accessors are made callable once, here. */
    private List<Method> components(Class<?> type) {
        return verifiedComponents.computeIfAbsent(type, t -> {
            if (!t.isRecord()) {
                return List.of();
            }
            List<Method> accessors = Arrays.stream(t.getRecordComponents())
                    .filter(c -> c.isAnnotationPresent(VerifiedProfile.class) && c.getType() == UUID.class)
                    .map(RecordComponent::getAccessor)
                    .toList();
            accessors.forEach(accessor -> accessor.setAccessible(true));
            return accessors;
        });
    }

    private static String rawValue(HttpServletRequest request, MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            String name = query.name().isEmpty() ? query.value() : query.name();
            return request.getParameter(name.isEmpty() ? parameter.getParameterName() : name);
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String name = path.name().isEmpty() ? path.value() : path.name();
            return variables == null ? null : variables.get(name.isEmpty() ? parameter.getParameterName() : name);
        }
        throw new IllegalStateException(
                "@VerifiedProfile on " + parameter + " needs @RequestParam or @PathVariable to say where the id is");
    }

    /** Null when absent or malformed: Spring's own binding then answers 422 (or passes an optional null). */
    private static UUID parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
