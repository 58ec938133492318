package io.karst.api.group;

import io.karst.api.Errors;

import java.util.List;

/**
 * The answer to a LeaveGroup.
 *
 * @param error        NONE, or why the group could not be looked at (then no member errors)
 * @param memberErrors per named member, in the request's order: NONE, UNKNOWN_MEMBER_ID or FENCED_INSTANCE_ID
 */
public record LeaveResult(Errors error, List<Errors> memberErrors) {

    /** The one error of a request naming a single member (LeaveGroup v0-2). */
    public Errors firstError() {
        return error != Errors.NONE || memberErrors.isEmpty() ? error : memberErrors.get(0);
    }
}
