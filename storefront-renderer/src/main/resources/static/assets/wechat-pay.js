// Inside WeChat's browser: hands the JSAPI order's signed parameters to WeChat, which asks the customer to confirm,
// then goes on to the page that checks the payment (or back to choose again). Elsewhere the button stays disabled.
(function () {
  var button = document.getElementById('wechat-pay');
  if (!button) {
    return;
  }
  var parameters = JSON.parse(button.getAttribute('data-pay'));
  function pay() {
    window.WeixinJSBridge.invoke('getBrandWCPayRequest', parameters, function (answer) {
      var paid = answer && answer.err_msg === 'get_brand_wcpay_request:ok';
      window.location.href = button.getAttribute(paid ? 'data-done' : 'data-back');
    });
  }
  function ready() {
    document.getElementById('wechat-outside').hidden = true;
    button.disabled = false;
    button.addEventListener('click', pay);
    pay();
  }
  if (window.WeixinJSBridge && typeof window.WeixinJSBridge.invoke === 'function') {
    ready();
  } else {
    document.addEventListener('WeixinJSBridgeReady', ready, false);
  }
})();
