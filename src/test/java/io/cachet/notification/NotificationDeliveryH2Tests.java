package io.cachet.notification;

import io.cachet.persistence.OnH2;

@OnH2
class NotificationDeliveryH2Tests extends NotificationDeliveryContractTests {

}
