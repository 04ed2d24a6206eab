package cn.hotline.notify;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the SMSC simulator + WireMock resource once for every test class of the module. */
@QuarkusTestResource(value = NotifyStackResource.class, restrictToAnnotatedClass = false)
public final class NotifyTestStack {

    private NotifyTestStack() {
    }
}
