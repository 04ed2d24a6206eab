package cn.hotline.routing.service;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.support.problem.ProblemException;

/** 409 answers about a dispatch's state, with {@code currentState} and {@code allowedActions}. */
final class WorkflowProblems {

    private WorkflowProblems() {
    }

    static ProblemException alreadyDone(Dispatch d, String detail) {
        return DispatchWorkflow.illegal(d, DispatchAction.ASSIST_REPORT, detail);
    }
}
