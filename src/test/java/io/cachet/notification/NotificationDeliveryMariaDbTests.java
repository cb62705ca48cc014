package io.cachet.notification;

import io.cachet.persistence.OnMariaDb;

@OnMariaDb
class NotificationDeliveryMariaDbTests extends NotificationDeliveryContractTests {

}
