//! Payments (Pix keys, payment requests), products, carts and orders.

use serde_json::Number;

use crate::Timestamp;
use crate::mechanism::macros::{lossless_object, open_enum};

open_enum! {
    /// Kind of a Pix key (Brazil's instant payment system).
    pub enum PixKeyType {
        /// A random key.
        Evp = "EVP",
        /// A person's tax id.
        Cpf = "CPF",
        /// A company's tax id.
        Cnpj = "CNPJ",
        /// A phone number.
        Phone = "PHONE",
        /// An e-mail address.
        Email = "EMAIL",
    }
}

lossless_object! {
    /// A button that shares a Pix key for payment.
    pub struct PixKey {
        /// Currency code, e.g. `BRL`.
        "currency" => currency: String,
        /// Payment reference.
        "referenceId" => reference_id: String,
        /// The Pix key.
        "key" => key: String,
        /// Its kind.
        "keyType" => key_type: PixKeyType,
        /// Name of the receiver.
        "merchantName" => merchant_name: String,
    }
}

open_enum! {
    /// State of a payment transaction.
    pub enum TransactionStatus {
        /// A payment request was paid.
        CollectSuccess = "COLLECT_SUCCESS",
        /// A payment went through.
        Success = "SUCCESS",
    }
}

open_enum! {
    /// Progress of a payment (`paymentInfo.status`).
    pub enum PaymentInfoStatus {
        /// Waiting for the payer.
        Waiting = "WAITING",
        /// Paid.
        Complete = "COMPLETE",
    }
}

lossless_object! {
    /// Details of a payment.
    pub struct PaymentInfo {
        /// Phone number receiving the money.
        "receiverPhone" => receiver_phone: String,
        /// Amount, kept as the exact JSON number sent.
        "value" => value: Number,
        /// Currency code, e.g. `BRL`.
        "currencyCode" => currency_code: String,
        /// Progress of the payment.
        "status" => status: PaymentInfoStatus,
        /// State of the transaction.
        "transactionStatus" => transaction_status: TransactionStatus,
    }
}

lossless_object! {
    /// A request for payment.
    pub struct RequestPayment {
        /// Amount requested.
        "value" => value: Number,
        /// Currency code.
        "currencyCode" => currency_code: String,
        /// When the request expires.
        "expiration" => expiration: Timestamp,
        /// Who is asked to pay.
        "requestPhone" => request_phone: String,
        /// The payment made for it, if any.
        "paymentInfo" => payment_info: PaymentInfo,
    }
}

lossless_object! {
    /// A payment sent.
    pub struct SendPayment {
        /// The payment.
        "paymentInfo" => payment_info: PaymentInfo,
    }
}

lossless_object! {
    /// A product from a business catalog.
    pub struct Product {
        /// URL of the product image.
        "productImage" => product_image: String,
        /// The business that owns the catalog.
        "businessOwnerJid" => business_owner_jid: String,
        /// Currency code.
        "currencyCode" => currency_code: String,
        /// Id of the product.
        "productId" => product_id: String,
        /// Description.
        "description" => description: String,
        /// Number of images.
        "productImageCount" => product_image_count: u64,
        /// Price, kept as the exact JSON number sent.
        "price" => price: Number,
        /// Link to the product.
        "url" => url: String,
        /// The seller's own id for the product.
        "retailerId" => retailer_id: String,
        /// Id of the first image.
        "firstImageId" => first_image_id: String,
        /// Product name.
        "title" => title: String,
    }
}

lossless_object! {
    /// A cart sent from a catalog.
    pub struct Order {
        /// Number of items.
        "itemCount" => item_count: u64,
        /// Id of the order.
        "orderId" => order_id: String,
        /// Message sent with the order.
        "message" => message: String,
        /// Title of the order.
        "orderTitle" => order_title: String,
        /// The seller.
        "sellerJid" => seller_jid: String,
        /// URL of the thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
        /// Token to fetch the order's details.
        "token" => token: String,
        /// Currency code.
        "currency" => currency: String,
        /// Total amount.
        "total" => total: Number,
        /// Amount before discounts, shipping and taxes.
        "subTotal" => sub_total: Number,
        /// The items.
        "products" => products: Vec<OrderProduct>,
    }
}

lossless_object! {
    /// An item of a cart.
    pub struct OrderProduct {
        /// Quantity.
        "quantity" => quantity: u64,
        /// Product name.
        "name" => name: String,
        /// Id of the product.
        "productId" => product_id: String,
        /// The seller's own id for the product.
        "retailerId" => retailer_id: String,
        /// Unit price.
        "price" => price: Number,
        /// Currency code.
        "currencyCode" => currency_code: String,
    }
}

lossless_object! {
    /// An order sent for review and payment (`reviewAndPay`) or its update (`reviewOrder`).
    pub struct PaymentOrder {
        /// Kind of goods, e.g. `physical-goods` (only in `reviewAndPay`).
        "type" => r#type: String,
        /// Currency code.
        "currency" => currency: String,
        /// Payment reference.
        "referenceId" => reference_id: String,
        /// Id of the order request.
        "orderRequestId" => order_request_id: String,
        /// Order status, e.g. `pending`, `processing`.
        "orderStatus" => order_status: String,
        /// Payment status, e.g. `pending`.
        "paymentStatus" => payment_status: String,
        /// Total amount.
        "total" => total: Number,
        /// Amount before discount, shipping and tax.
        "subTotal" => sub_total: Number,
        /// Discount.
        "discount" => discount: Number,
        /// Shipping cost.
        "shipping" => shipping: Number,
        /// Tax.
        "tax" => tax: Number,
        /// The items.
        "products" => products: Vec<PaymentOrderProduct>,
    }
}

lossless_object! {
    /// An item of an order sent for payment.
    pub struct PaymentOrderProduct {
        /// Item name.
        "name" => name: String,
        /// Quantity.
        "quantity" => quantity: u64,
        /// Whether the item was typed in rather than taken from the catalog.
        "isCustomItem" => is_custom_item: bool,
        /// Id of the product.
        "productId" => product_id: String,
        /// Unit value.
        "value" => value: Number,
    }
}
